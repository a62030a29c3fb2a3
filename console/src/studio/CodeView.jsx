// The Studio's code view, props { text, onChange(text), diagnostics, readOnly? }. CodeMirror is
// about 135 kB gzipped, so it is loaded on first use and stays out of the other pages' bundle.
// Until it arrives a placeholder without data-testid="studio-code" is shown, so browser tests
// that wait for the editor do not type into the placeholder.
import { Suspense, lazy } from 'react';
import './codeView.css';

const CodeMirrorView = lazy(() => import('./CodeMirrorView.jsx'));

export default function CodeView(props) {
  return (
    <Suspense fallback={<div className="studio-code studio-code-loading">Loading the editor…</div>}>
      <CodeMirrorView {...props} />
    </Suspense>
  );
}
