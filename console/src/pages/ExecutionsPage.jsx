// "/executions": executions of every state machine, filtered by status and name prefix, paged on the server.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { Card, Pager, Spinner, StatusFilter, usePager } from '../ui.jsx';
import { useRouter } from '../router.jsx';
import ExecutionsTable from './ExecutionsTable.jsx';

export default function ExecutionsPage() {
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const [status, setStatus] = useState(params.get('status') || '');
  const [prefix, setPrefix] = useState(params.get('namePrefix') || '');
  const [appliedPrefix, setAppliedPrefix] = useState(prefix);
  const pager = usePager(`${status}|${appliedPrefix}`);
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    const t = setTimeout(() => setAppliedPrefix(prefix), 250);
    return () => clearTimeout(t);
  }, [prefix]);

  useEffect(() => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (appliedPrefix) q.set('namePrefix', appliedPrefix);
    const s = q.toString();
    navigate(`/executions${s ? `?${s}` : ''}`, { replace: true });
  }, [status, appliedPrefix]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    setError(null);
    const load = () => api.executions({ status, namePrefix: appliedPrefix, nextToken: pager.token, maxResults: 25 })
      .then((p) => live && setPage(p))
      .catch((e) => live && setError(e.message));
    load();
    // The first page follows new executions; later pages stay put while being read.
    const timer = pager.page === 1 ? setInterval(load, 4000) : null;
    return () => { live = false; if (timer) clearInterval(timer); };
  }, [status, appliedPrefix, pager.token, pager.page]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Executions</h1>
          <p className="muted">Every execution across state machines, newest first.</p>
        </div>
      </div>
      <Card
        title="Executions"
        actions={(
          <>
            <input className="input" placeholder="Name prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} aria-label="Name prefix" data-testid="name-prefix" />
            <StatusFilter value={status} onChange={setStatus} />
          </>
        )}
      >
        {error && <div className="form-error">{error}</div>}
        {!page && !error && <Spinner />}
        {page && <ExecutionsTable executions={page.executions} showMachine />}
        {page && <Pager pager={pager} nextToken={page.nextToken} count={page.executions.length} />}
      </Card>
    </div>
  );
}
