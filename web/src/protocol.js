// The iframe protocol between the loader's iframe mode (frame.js, in the host page) and the hosted
// page in the frame (web/hosted.js). Both are bundled from this one definition; a breaking change
// to the messages must change the version in PROTOCOL.
export const PROTOCOL = 'ampersand-setup/1';

export const Message = {
  Hello: 'hello',               // frame → host: loaded, and allowed to talk to this host's origin
  Options: 'options',           // host → frame: the options, once (an API key among them is handed over)
  Event: 'event',               // frame → host: a widget event to relay
  TokenRequest: 'tokenRequest', // frame → host: a token for { groupRef, consumerRef }, answered by id
  Token: 'token',               // host → frame: { id, token } or { id, error }
  Update: 'update',             // host → frame: live options (theme, accent, fontScale)
};
