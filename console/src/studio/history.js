// Undo/redo over definition objects (edits never mutate, so snapshots are cheap to keep).

export class EditHistory {
  constructor(initial, limit = 200) {
    this.limit = Math.max(1, limit);
    this.entries = [initial];
    this.index = 0;
  }

  get current() { return this.entries[this.index]; }

  get canUndo() { return this.index > 0; }

  get canRedo() { return this.index < this.entries.length - 1; }

  /** Records a new definition; drops what could be redone and the oldest beyond the limit. */
  push(def) {
    if (def === this.current) return this.current;
    this.entries = this.entries.slice(0, this.index + 1);
    this.entries.push(def);
    if (this.entries.length > this.limit + 1) this.entries = this.entries.slice(this.entries.length - this.limit - 1);
    this.index = this.entries.length - 1;
    return this.current;
  }

  undo() {
    if (this.canUndo) this.index -= 1;
    return this.current;
  }

  redo() {
    if (this.canRedo) this.index += 1;
    return this.current;
  }

  /** Starts over from a definition (for example after loading another machine). */
  reset(def) {
    this.entries = [def];
    this.index = 0;
    return def;
  }
}
