import { startSimulator } from '../simulator';
import { decodeMethodResponse } from '../lib/gandi/decoder';
async function main() {
  const sim = await startSimulator({ port: 0, memory: true, quiet: true, speed: 1 });
  const { apiKey } = sim.control.createAccount({ credits: 100_000_000 });
  sim.control.createVms({ apiKey, count: 1000 });
  for (const [m, args] of [['hosting.vm.list', `<param><value><string>${apiKey}</string></value></param><param><value><struct><member><name>items_per_page</name><value><int>50</int></value></member></struct></value></param>`], ['hosting.ip.list', `<param><value><string>${apiKey}</string></value></param><param><value><struct><member><name>items_per_page</name><value><int>100</int></value></member></struct></value></param>`]] as const) {
    const body = `<?xml version="1.0"?><methodCall><methodName>${m}</methodName><params>${args}</params></methodCall>`;
    const r = await fetch(sim.url, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
    const text = await r.text();
    let t = performance.now();
    for (let i = 0; i < 200; i++) decodeMethodResponse(text);
    console.log(m, text.length, 'bytes', ((performance.now() - t) / 200).toFixed(3), 'ms/decode');
  }
  await sim.close();
}
main();
