// Preloaded into the child process (and, through NODE_OPTIONS, its worker threads):
// every outgoing connection fails, so any attempt to reach the network breaks the reading.
import net from 'node:net';
import dns from 'node:dns';

const refuse = () => {
  throw new Error('network blocked by test');
};
net.Socket.prototype.connect = refuse;
dns.lookup = (_host, _opts, cb) =>
  (typeof _opts === 'function' ? _opts : cb)(new Error('network blocked by test'));
globalThis.fetch = async () => refuse();
