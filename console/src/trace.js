// The W3C trace id (32 hex digits) of an execution's traceHeader: an X-Ray header
// (Root=1-<8 hex>-<24 hex>;...) or a W3C traceparent (00-<32 hex>-<16 hex>-<2 hex>); null otherwise.
export function traceIdOf(header) {
  if (!header) return null;
  const xray = /(?:^|;)\s*Root=1-([0-9a-fA-F]{8})-([0-9a-fA-F]{24})\s*(?:;|$)/.exec(header);
  if (xray) return (xray[1] + xray[2]).toLowerCase();
  const w3c = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(header.trim());
  return w3c ? w3c[1] : null;
}
