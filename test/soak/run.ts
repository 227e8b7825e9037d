/**
 * `npm run soak`: the long fault run (issue 15), outside `npm test`. Thousands of messages through
 * real relay processes while they are killed (SIGKILL) again and again at random moments, against
 * a mail server that is busy at first (451 to the first 5 % of transactions),
 * on SQLite and on two instances sharing PostgreSQL. At the end every accepted message must have
 * arrived (0 lost), and every duplicate must be one the README allows: a crash between the
 * server's 250 and the relay's commit, which shows as an `interrupted` attempt.
 *
 * SOAK_MESSAGES (default 2000) messages per store, SOAK_KILLS (default 10) kills per store,
 * SOAK_STORES (default `sqlite,postgres`).
 */
import { faultCounts, postUntilAccepted, sleep, waitForOutcome, type AcceptedMessage } from '../helpers/fault-run';
import { startFaultySmtpServer } from '../helpers/faulty-smtp-server';
import { relayApi, startRelayCluster } from '../helpers/relay-cluster';

const MESSAGES = Number(process.env.SOAK_MESSAGES ?? 2000);
const KILLS = Number(process.env.SOAK_KILLS ?? 10);
const STORES = (process.env.SOAK_STORES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];

async function soak(store: 'sqlite' | 'postgres'): Promise<boolean> {
  const instances = store === 'sqlite' ? 1 : 2;
  // The first 5 % of transactions are answered 451 (a server that is busy while the burst starts).
  const smtp = await startFaultySmtpServer({ kind: '451', first: Math.ceil(MESSAGES / 20) }, { replyDelayMs: 5 });
  const cluster = await startRelayCluster(smtp, {
    store,
    instances,
    profile: { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' } },
    // The default lease: taking back a dead relay's messages must not depend on it.
    env: { OWNPOST_RETRY_DELAYS: '500ms,1s,2s,4s,8s', OWNPOST_HEARTBEAT: '1s', OWNPOST_SMTP_TIMEOUT: '5s' },
  });
  const started = Date.now();
  let kills = 0;
  let stopKilling = false;
  const killer = (async () => {
    while (!stopKilling && kills < KILLS) {
      await sleep(1_000 + Math.random() * 3_000); // the kills' rhythm, not a wait for anything
      if (stopKilling) break;
      const index = kills % instances;
      await cluster.restart(index, 'SIGKILL');
      kills++;
    }
  })();
  try {
    const accepted = await postUntilAccepted(cluster, MESSAGES, { prefix: `soak-${store}`, parallel: 16, instance: (n) => n % instances });
    const acceptedIn = Date.now() - started;
    // The kills go on while the outbox drains, up to their number.
    const counts = await waitForOutcome(cluster, accepted, [smtp], 600_000);
    stopKilling = true;
    await killer;
    const took = Date.now() - started;
    // Every duplicate in the documented window: its history shows the interrupted attempt.
    const byMessageId = new Map([...accepted.values()].map((m: AcceptedMessage) => [m.messageId, m.id]));
    let outsideWindow = 0;
    for (const messageId of counts.duplicated) {
      const res = await relayApi(cluster.instances[0]!, cluster.token, 'GET', `/v1/messages/${byMessageId.get(messageId)}`);
      if (!res.body.attempts.some((a: { outcome: string }) => a.outcome === 'interrupted')) outsideWindow++;
    }
    const final = faultCounts(accepted.values(), [smtp]);
    console.log(
      `soak ${store} (${instances} instance${instances > 1 ? 's' : ''}): ${final.accepted} accepted in ${(acceptedIn / 1000).toFixed(0)} s, ` +
        `${kills} SIGKILLs, delivered unique ${final.deliveredUnique}, duplicates ${final.duplicates} ` +
        `(${outsideWindow} outside the crash window), lost ${counts.lost}, all delivered after ${(took / 1000).toFixed(0)} s`,
    );
    return counts.lost === 0 && outsideWindow === 0 && final.deliveredUnique === MESSAGES;
  } finally {
    stopKilling = true;
    await killer.catch(() => {});
    await cluster.stop();
    await smtp.close();
  }
}

let ok = true;
for (const store of STORES) ok = (await soak(store)) && ok;
console.log(ok ? 'soak: passed' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
