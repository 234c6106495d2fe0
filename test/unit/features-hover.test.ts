/** Hover cards: what they say for each element kind, and that document text cannot become Markdown. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { EXAMPLE_TEXT, positionOf, rangeOf, validate } from './features-support';

function hoverAt(text: string, needle: string, delta: number, occurrence = 0): Hover {
  const h = hover(validate(text), positionOf(text, needle, delta, occurrence));
  assert.ok(h, `a hover at ${needle}`);
  return h;
}

function markdown(h: Hover): string {
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover cards', () => {
  test('a node definition: name, type, id, description, interfaces, outgoing and incoming relationships', () => {
    const h = hoverAt(EXAMPLE_TEXT, '"unique-id": "api-gateway"', 16);
    assert.deepEqual(h.range, rangeOf(EXAMPLE_TEXT, '"api-gateway"'));
    assert.equal(
      markdown(h),
      [
        '**API Gateway** — node (service)',
        '',
        'unique-id: api\\-gateway',
        '',
        'Public entry point for all client requests\\, handles routing and authentication',
        '',
        '**Interfaces:** gateway\\-https (HTTPS, api\\.ecommerce\\.example\\.com\\:443)',
        '',
        '**Outgoing relationships (2)**',
        '',
        '- gateway\\-to\\-orders: connects to Order Service (order\\-service)',
        '- gateway\\-to\\-inventory: connects to Inventory Service (inventory\\-service)',
        '',
        '**Incoming relationships (3)**',
        '',
        '- customer\\-to\\-gateway: Customer (customer) interacts with it',
        '- admin\\-to\\-gateway: Admin (admin) interacts with it',
        '- platform\\-composition: E\\-Commerce Platform (ecommerce\\-platform) is composed of it',
      ].join('\n'),
    );
  });

  test('a reference shows the card of what it names', () => {
    const h = hoverAt(EXAMPLE_TEXT, '"actor": "customer"', 12);
    assert.deepEqual(h.range, rangeOf(EXAMPLE_TEXT, '"customer"', 1));
    assert.match(markdown(h), /^\*\*Customer\*\* — node \(actor\)/);
    assert.match(markdown(h), /\*\*Outgoing relationships \(1\)\*\*\n\n- customer\\-to\\-gateway: interacts with API Gateway \(api\\-gateway\)/);
    assert.match(markdown(h), /\*\*Incoming relationships \(0\)\*\*$/);
  });

  test('a relationship: kind, description, both ends with their interfaces', () => {
    assert.equal(
      markdown(hoverAt(EXAMPLE_TEXT, '"unique-id": "orders-to-database"', 16)),
      [
        '**orders\\-to\\-database** — relationship (connects)',
        '',
        'Order Service persists order data to the database',
        '',
        'From: Order Service (order\\-service) via order\\-api  ',
        'To: Order Database (order\\-database) via order\\-db\\-jdbc',
      ].join('\n'),
    );
  });

  test('an interface reference: its node, protocol, port and the relationships using it', () => {
    assert.equal(
      markdown(hoverAt(EXAMPLE_TEXT, '"order-api"', 3, 1)),
      ['**order\\-api** — interface of node Order Service (order\\-service)', '', 'Protocol: HTTPS  ', 'Port: 8080', '', '**Used by 3 relationships**', '', '- gateway\\-to\\-orders', '- orders\\-to\\-database', '- orders\\-to\\-payment'].join('\n'),
    );
  });

  test('a dangling reference says nothing defines it', () => {
    const text = EXAMPLE_TEXT.replace('"actor": "customer"', '"actor": "ghost"');
    assert.equal(markdown(hoverAt(text, '"ghost"', 2)), '**ghost** — no node in this document has this unique-id.');
  });

  test('a property name: its schema description', () => {
    assert.equal(
      markdown(hoverAt(EXAMPLE_TEXT, '"node-type"', 3)),
      '**node\\-type** (required)\n\nWhat kind of component this is\\, e\\.g\\. actor\\, system\\, service\\, database\\.\n\nValues: actor, ecosystem, system, service, database, network, ldap, webclient, data\\-asset',
    );
    assert.equal(hover(validate(EXAMPLE_TEXT), positionOf(EXAMPLE_TEXT, '"node-type"', 3), { propertyDescriptions: false }), null);
  });

  test('no hover on plain values', () => {
    assert.equal(hover(validate(EXAMPLE_TEXT), positionOf(EXAMPLE_TEXT, '"port": 443', 9)), null);
  });
});

describe('hover text is inert', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](command:workbench.action.terminal.new)',
    '![x](javascript:alert(1))',
    '`code` **bold** _em_ # heading',
    '\n\n    indented code\n- list\n1. item\n> quote',
    '&lt;script&gt; \\ backslash',
  ];

  test('every ASCII punctuation character of document text is escaped, line structure is folded', () => {
    for (const s of HOSTILE) {
      const escaped = escapeMarkdown(s);
      assert.doesNotMatch(escaped, /(^|[^\\])[[\]()<>`*_#!&]/, s);
      assert.doesNotMatch(escaped, /\n/, s);
    }
  });

  test('hostile names and descriptions reach the card only escaped, with no link or HTML', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as { nodes: Record<string, unknown>[] };
    value.nodes[2].name = HOSTILE[2];
    value.nodes[2].description = HOSTILE.join(' ');
    value.nodes[0].name = HOSTILE[0];
    const text = JSON.stringify(value, null, 2);
    const card = markdown(hoverAt(text, '"unique-id": "api-gateway"', 16));
    assert.ok(!card.includes('](command:'), card);
    assert.doesNotMatch(card, /(^|[^\\])[<>]/, 'no unescaped angle bracket: no HTML');
    assert.ok(card.includes('\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'), card);
    assert.ok(card.includes('\\<script\\>alert\\(1\\)\\<\\/script\\> (customer) interacts with it'), card);
  });
});
