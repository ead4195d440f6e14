// Appium's @appium/opencv getImageOccurrence on the same PNGs, run by PeersBench.
// Usage: node appium-probe.mjs <node_modules dir> screen.png template.png warmup runs threshold
// Timed per run: getImageOccurrence(screenPng, templatePng, {threshold}). Its API takes encoded
// images, so each call decodes both PNGs (sharp) before cv.matchTemplate (opencv.js, WebAssembly).
// Prints one line: RESULT {"x":..,"y":..,"score":..,"note":"..","nanos":[..]}
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const [modules, screenPath, templatePath, warmupArg, runsArg, thresholdArg] = process.argv.slice(2);
if (!thresholdArg) {
  console.error('usage: node appium-probe.mjs <node_modules dir> screen.png template.png warmup runs threshold');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), 'noop.js'));
const {getImageOccurrence} = require('@appium/opencv');
const screen = readFileSync(screenPath);
const template = readFileSync(templatePath);
const warmup = Number(warmupArg);
const runs = Number(runsArg);
const threshold = Number(thresholdArg);

let x = -1, y = -1, score = null;
const nanos = [];
for (let i = -warmup; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  let result = null;
  try {
    result = await getImageOccurrence(screen, template, {threshold});
  } catch (e) {
    // Below the threshold Appium throws "Cannot find any occurrences"; that is a miss, not an error.
    if (!/occurrence/i.test(String(e && e.message))) throw e;
  }
  const t = process.hrtime.bigint() - t0;
  if (i >= 0) nanos.push(t.toString());
  if (result) {
    ({x, y} = result.rect);
    score = result.score;
  } else {
    x = -1; y = -1; score = null;
  }
}
const head = JSON.stringify({x, y, score, note: `getImageOccurrence(png, png, {threshold: ${threshold}})`});
console.log('RESULT ' + head.slice(0, -1) + ',"nanos":[' + nanos.join(',') + ']}');
process.exit(0);
