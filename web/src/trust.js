// Where the widget sends the key and the App Secret (apiBase) and whose messages it believes
// (ampersandOrigin): https only, or plain http to this machine. Relative addresses are the page's.
// Returns { url } (absolute), or { error } with a text for the admin.
export function trustedUrl(name, value) {
  let u = null;
  try { u = new URL(value, location.href); } catch (e) { /* said below */ }
  const loopback = u && (u.hostname === 'localhost' || u.hostname === '[::1]' || /^127(\.\d+){3}$/.test(u.hostname));
  if (u && !u.username && !u.password && (u.protocol === 'https:' || (u.protocol === 'http:' && loopback))) return { url: u };
  return { error: name + ' must be an https:// address (plain http only for localhost): ' + String(value).slice(0, 200) + '.' };
}
