// draws the portal's PNG icons (the house of web/public/m/icon.svg) without any image library:
// `node scripts/portal-icons.mjs` writes web/public/m/icon-192.png and icon-512.png.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

// The house in the SVG's 512 × 512 coordinates.
const HOUSE = [[256, 104], [96, 240], [144, 240], [144, 408], [232, 408], [232, 312], [280, 312], [280, 408], [368, 408], [368, 240], [416, 240]];
const inside = (x, y) => {
  let hit = false;
  for (let i = 0, j = HOUSE.length - 1; i < HOUSE.length; j = i++) {
    const [xi, yi] = HOUSE[i];
    const [xj, yj] = HOUSE[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
};

function png(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const x = ((px + 0.5) * 512) / size;
      const y = ((py + 0.5) * 512) / size;
      const [r, g, b] = inside(x, y) ? [255, 255, 255] : [22, 119, 255];
      row.set([r, g, b, 255], 1 + px * 4); // maskable: the background fills the whole square
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [192, 512]) writeFileSync(`web/public/m/icon-${size}.png`, png(size));
