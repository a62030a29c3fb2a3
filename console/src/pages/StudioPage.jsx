// Workflow Studio: build or change a state machine by drag and drop (/studio, /studio/<ARN>).
import { useEffect, useState } from 'react';
import { aws } from '../api.js';
import { useRouter } from '../router.jsx';
import { ErrorBox, Spinner } from '../ui.jsx';
import { newDefinition } from '../studio/document.js';
import StudioEditor from '../studio/StudioEditor.jsx';
import '../studio/studio.css';

export default function StudioPage({ arn }) {
  const { navigate } = useRouter();
  const [loaded, setLoaded] = useState(arn ? null : { machine: {}, definition: newDefinition() });
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!arn) return undefined;
    let live = true;
    aws('DescribeStateMachine', { stateMachineArn: arn })
      .then((m) => {
        if (!live) return;
        const machine = { arn: m.stateMachineArn, name: m.name, type: m.type, roleArn: m.roleArn };
        setLoaded({ machine, definition: JSON.parse(m.definition), text: m.definition });
      })
      .catch((e) => live && setError(e.message));
    return () => { live = false; };
  }, [arn]);
  if (error) return <div className="page"><h1>Workflow Studio</h1><ErrorBox title="Cannot open the state machine" cause={error} /></div>;
  if (!loaded) return <div className="page"><Spinner /></div>;
  return (
    <StudioEditor
      machine={loaded.machine}
      initial={loaded.definition}
      onCreated={(created) => navigate(`/studio/${encodeURIComponent(created)}`, { replace: true })}
    />
  );
}
