import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, match, Router, useRouter } from './router.jsx';
import StateMachinesPage from './pages/StateMachinesPage.jsx';
import StateMachinePage from './pages/StateMachinePage.jsx';
import ExecutionsPage from './pages/ExecutionsPage.jsx';
import ExecutionPage from './pages/ExecutionPage.jsx';
import MetricsPage from './pages/MetricsPage.jsx';
import SchedulesPage from './pages/SchedulesPage.jsx';
import StudioPage from './pages/StudioPage.jsx';
import TriggersPage from './pages/TriggersPage.jsx';
import { Empty } from './ui.jsx';
import './styles.css';

function Page() {
  const { path } = useRouter();
  const route = match(path);
  switch (route.page) {
    case 'machines': return <StateMachinesPage />;
    case 'machine': return <StateMachinePage key={route.arn} arn={route.arn} />;
    case 'executions': return <ExecutionsPage />;
    case 'execution': return <ExecutionPage key={route.arn} arn={route.arn} />;
    case 'metrics': return <MetricsPage />;
    case 'schedules': return <SchedulesPage />;
    case 'studio': return <StudioPage key={route.arn || 'new'} arn={route.arn} />;
    case 'triggers': return <TriggersPage />;
    default: return <div className="page"><h1>Not found</h1><Empty>No console page at {path}. <Link to="/">Go to the state machines.</Link></Empty></div>;
  }
}

function Shell() {
  const { path } = useRouter();
  const section = path.startsWith('/executions') ? 'executions' : path.startsWith('/studio') ? 'studio'
    : path.startsWith('/metrics-dashboard') ? 'metrics' : path.startsWith('/schedules') ? 'schedules'
      : path.startsWith('/triggers') ? 'triggers' : 'machines';
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="22" height="22" />
          <span>Stepstream</span>
        </Link>
        <nav className="topnav">
          <Link to="/" className={section === 'machines' ? 'active' : ''}>State machines</Link>
          <Link to="/executions" className={section === 'executions' ? 'active' : ''}>Executions</Link>
          <Link to="/studio" className={section === 'studio' ? 'active' : ''}>Studio</Link>
          <Link to="/metrics-dashboard" className={section === 'metrics' ? 'active' : ''}>Metrics</Link>
          <Link to="/schedules" className={section === 'schedules' ? 'active' : ''}>Schedules</Link>
          <Link to="/triggers" className={section === 'triggers' ? 'active' : ''}>Triggers</Link>
        </nav>
        <div className="topbar-right muted small">Step Functions on Kafka</div>
      </header>
      <main><Page /></main>
    </div>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Router><Shell /></Router>
  </StrictMode>,
);
