// A small history-API router: the server answers index.html for every console route, so a
// reload of any URL lands here and is matched again.
import { createContext, useContext, useEffect, useState } from 'react';

const RouterContext = createContext({ path: '/', search: '', navigate: () => {} });

export function Router({ children }) {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to, { replace } = {}) => {
    if (replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    const url = new URL(to, window.location.origin);
    setLocation({ path: url.pathname, search: url.search });
    if (!replace) window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

export function Link({ to, children, className, ...rest }) {
  const { navigate } = useRouter();
  const onClick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} className={className} onClick={onClick} {...rest}>{children}</a>;
}

/** Matches the path against the console routes of docs/console.md. */
export function match(path) {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let m;
  if (clean === '/' || clean === '/state-machines') return { page: 'machines' };
  if ((m = clean.match(/^\/state-machines\/([^/]+)$/))) return { page: 'machine', arn: decodeURIComponent(m[1]) };
  if (clean === '/executions') return { page: 'executions' };
  if ((m = clean.match(/^\/executions\/([^/]+)$/))) return { page: 'execution', arn: decodeURIComponent(m[1]) };
  if (clean === '/metrics-dashboard') return { page: 'metrics' };
  if (clean === '/triggers') return { page: 'triggers' };
  if (clean === '/schedules') return { page: 'schedules' };
  if (clean === '/studio') return { page: 'studio' };
  if ((m = clean.match(/^\/studio\/([^/]+)$/))) return { page: 'studio', arn: decodeURIComponent(m[1]) };
  return { page: 'not-found' };
}
