// The palette: items are dragged (HTML5 drag and drop) onto the canvas, into Parallel branches
// and Map processors. A double click adds the item to the top level.
import { useEffect, useMemo, useState } from 'react';
import { get } from '../api.js';
import StateIcon from '../icons.jsx';
import { integrationItems, topicItems, typeItems } from './paletteItems.js';

export const DRAG_MIME = 'application/x-stepstream-palette';
let dragging = null;

/** The palette item being dragged (dataTransfer cannot be read during dragover). */
export const draggedItem = () => dragging;

function useTaskTopics() {
  const [topics, setTopics] = useState([]);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    get('/metrics-summary')
      .then((summary) => live && setTopics((summary.tasks || []).map((t) => t.task)))
      .catch((e) => live && setError(e.message));
    return () => { live = false; };
  }, []);
  return { topics, error };
}

function Item({ item, onAdd }) {
  const attrs = {
    'data-palette-type': item.type,
    ...(item.topic ? { 'data-palette-topic': item.topic } : {}),
    ...(item.resource ? { 'data-palette-integration': item.label } : {}),
  };
  return (
    <li
      className="palette-item"
      draggable
      {...attrs}
      title={item.help || item.mapping}
      onDragStart={(e) => {
        dragging = item;
        e.dataTransfer.setData(DRAG_MIME, item.key);
        e.dataTransfer.setData('text/plain', item.label);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onDragEnd={() => { dragging = null; }}
      onDoubleClick={() => onAdd(item)}
    >
      <span className="state-icon"><StateIcon type={item.type} /></span>
      <span className="palette-text">
        <span className="palette-label">{item.label}</span>
        {item.topic ? <span className="palette-help mono">→ tasks.{item.topic}</span>
          : item.help && <span className="palette-help">{item.help}</span>}
      </span>
    </li>
  );
}

function Section({ title, items, onAdd, empty }) {
  return (
    <div className="palette-section">
      <h3>{title}</h3>
      {items.length === 0 ? <div className="muted small">{empty}</div> : (
        <ul>{items.map((item) => <Item key={item.key} item={item} onAdd={onAdd} />)}</ul>
      )}
    </div>
  );
}

export default function Palette({ onAdd }) {
  const { topics, error } = useTaskTopics();
  const [filter, setFilter] = useState('');
  const sections = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const keep = (items) => (f ? items.filter((i) => i.label.toLowerCase().includes(f)) : items);
    return {
      types: keep(typeItems()),
      topics: keep(topicItems(topics)),
      integrations: keep(integrationItems()),
    };
  }, [topics, filter]);
  return (
    <aside className="studio-palette" data-testid="palette">
      <input className="input" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <Section title="States" items={sections.types} onAdd={onAdd} empty="No match" />
      <Section title="Task topics" items={sections.topics} onAdd={onAdd}
        empty={error ? `Cannot read the task topics: ${error}` : 'No task topics yet'} />
      <Section title="Integrations" items={sections.integrations} onAdd={onAdd} empty="No match" />
      <p className="muted small palette-hint">Drag an item onto the canvas, or double-click it.</p>
    </aside>
  );
}
