-- A measurement, not a migration: the rows of a demo database copied into the schema that integer keys would give
-- (docs/storage.md, "What 300 bytes per event takes"). Every projection table keyed by an INTEGER PRIMARY KEY instead
-- of a 29-character text id, tenants and contacts referred to by integer keys, small enumerations (event type, status,
-- channel) as integers, the idempotency index on a 64-bit hash of the key (the hash here is a stand-in with the same
-- size and spread), message events without their tenant (their message has it), order lines and wishlist items
-- without a rowid, and the reply indexes partial. Every other table is copied as it is (copy_rest.py). Run by
-- measure.sh, which attaches the source database as `s`.
PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
CREATE TEMP TABLE tk AS SELECT rowid AS k, id FROM s.tenants; CREATE UNIQUE INDEX temp.tk_id ON tk(id);
CREATE TEMP TABLE ck AS SELECT rowid AS k, id FROM s.contacts; CREATE UNIQUE INDEX temp.ck_id ON ck(id);
CREATE TEMP TABLE mk AS SELECT rowid AS k, id FROM s.messages; CREATE UNIQUE INDEX temp.mk_id ON mk(id);
CREATE TEMP TABLE ok AS SELECT rowid AS k, id FROM s.orders; CREATE UNIQUE INDEX temp.ok_id ON ok(id);
-- Event types by code: the rare ones (migration 42's events_rare_type) first, so that their partial index is `type <= 24`.
CREATE TEMP TABLE ty (code INTEGER PRIMARY KEY, type TEXT NOT NULL UNIQUE);
INSERT INTO ty (type) VALUES ('contact.created'), ('contact.updated'), ('contact.unsubscribed'), ('lead.created'), ('lead.qualified'), ('score.churn_risk_crossed'), ('product.updated'), ('product.price_changed'), ('cart.abandoned'), ('cart.recovered'), ('order.cancelled'), ('order.refunded'), ('review.submitted'), ('wishlist.added'), ('wishlist.removed'), ('support.ticket_created'), ('message.clicked'), ('message.bounced'), ('message.failed'), ('message.replied'), ('conversation.message'), ('call.logged'), ('segment.entered'), ('segment.left');
INSERT OR IGNORE INTO ty (type) SELECT DISTINCT type FROM s.events;

CREATE TABLE contacts (key INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, email TEXT, phone TEXT, external_id TEXT, first_name TEXT, last_name TEXT, locale TEXT, timezone TEXT, birthdate TEXT,
 consent_email INTEGER, consent_email_at INTEGER, consent_email_source TEXT, consent_sms INTEGER, consent_sms_at INTEGER, consent_sms_source TEXT, consent_whatsapp INTEGER, consent_whatsapp_at INTEGER, consent_whatsapp_source TEXT,
 attributes TEXT NOT NULL, orders_count INTEGER NOT NULL, total_spent REAL NOT NULL, first_order_at INTEGER, last_order_at INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
 churn_score REAL, churn_band TEXT, rfm_segment TEXT, clv REAL, p_alive REAL, scored_at INTEGER, rfm_r INTEGER, rfm_f INTEGER, rfm_m INTEGER, next_order_at INTEGER, whatsapp_inbound_at INTEGER, erased_at INTEGER);
INSERT INTO contacts SELECT c.rowid, (SELECT k FROM tk WHERE id = c.tenant_id), email, phone, external_id, first_name, last_name, locale, timezone, birthdate, consent_email, consent_email_at, consent_email_source, consent_sms, consent_sms_at, consent_sms_source, consent_whatsapp, consent_whatsapp_at, consent_whatsapp_source, attributes, orders_count, total_spent, first_order_at, last_order_at, created_at, updated_at, churn_score, churn_band, rfm_segment, clv, p_alive, scored_at, rfm_r, rfm_f, rfm_m, next_order_at, whatsapp_inbound_at, erased_at FROM s.contacts c;
CREATE UNIQUE INDEX contacts_email ON contacts (tenant_key, email);
CREATE UNIQUE INDEX contacts_phone ON contacts (tenant_key, phone);
CREATE UNIQUE INDEX contacts_external_id ON contacts (tenant_key, external_id);
CREATE INDEX contacts_rfm ON contacts (tenant_key, rfm_r, rfm_f, total_spent);
CREATE INDEX contacts_orders_count ON contacts (tenant_key, orders_count);
CREATE INDEX contacts_churn_band ON contacts (tenant_key, churn_band);
CREATE INDEX contacts_clv ON contacts (tenant_key, clv);
CREATE INDEX contacts_timezone ON contacts (tenant_key, timezone);

CREATE TABLE events (seq INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, type INTEGER NOT NULL, occurred_at INTEGER NOT NULL, received_at INTEGER NOT NULL, idempotency_key TEXT, idempotency_hash INTEGER, contact_key INTEGER, properties TEXT NOT NULL);
INSERT INTO events SELECT seq, tenant_key, ty.code, occurred_at, received_at, idempotency_key, CASE WHEN idempotency_key IS NULL THEN NULL ELSE (seq * 2654435761 * 40503) % 9007199254740991 + 1000000000000000000 END, ck.k, properties FROM s.events e JOIN ty ON ty.type = e.type LEFT JOIN ck ON ck.id = e.contact_id ORDER BY seq;
CREATE INDEX events_tenant ON events (tenant_key);
CREATE INDEX events_contact ON events (contact_key) WHERE contact_key IS NOT NULL;
-- idempotency: a 64-bit hash of the key (collisions checked against the stored key on lookup)
CREATE INDEX events_idempotency ON events (tenant_key, idempotency_hash) WHERE idempotency_hash IS NOT NULL;
CREATE INDEX events_rare_type ON events (tenant_key, type) WHERE type <= 24;

CREATE TABLE messages (key INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, external_id TEXT NOT NULL, contact_key INTEGER, channel INTEGER NOT NULL, origin TEXT NOT NULL, template TEXT, subject TEXT, status INTEGER NOT NULL,
 sent_at INTEGER, delivered_at INTEGER, opened_at INTEGER, clicked_at INTEGER, replied_at INTEGER, bounced_at INTEGER, failed_at INTEGER, updated_at INTEGER NOT NULL, kind INTEGER);
INSERT INTO messages SELECT m.rowid, (SELECT k FROM tk WHERE id = m.tenant_id), external_id, ck.k, CASE channel WHEN 'email' THEN 0 WHEN 'sms' THEN 1 ELSE 2 END, origin, template, subject, length(status), sent_at, delivered_at, opened_at, clicked_at, replied_at, bounced_at, failed_at, updated_at, length(kind) FROM s.messages m LEFT JOIN ck ON ck.id = m.contact_id ORDER BY m.rowid;
CREATE UNIQUE INDEX messages_external_id ON messages (tenant_key, external_id);
CREATE INDEX messages_contact ON messages (contact_key, sent_at);
CREATE INDEX messages_sent ON messages (tenant_key, sent_at);
CREATE INDEX messages_replied ON messages (tenant_key, replied_at) WHERE replied_at IS NOT NULL;
CREATE INDEX messages_contact_replied ON messages (contact_key, replied_at) WHERE replied_at IS NOT NULL;
CREATE INDEX messages_bounced_contact ON messages (contact_key) WHERE bounced_at IS NOT NULL;
CREATE INDEX messages_conversation_sent ON messages (tenant_key, sent_at) WHERE kind = 12;

CREATE TABLE message_events (seq INTEGER PRIMARY KEY, message_key INTEGER NOT NULL, type INTEGER NOT NULL, occurred_at INTEGER NOT NULL);
INSERT INTO message_events SELECT seq, mk.k, length(type), occurred_at FROM s.message_events x JOIN mk ON mk.id = x.message_id ORDER BY seq;
CREATE INDEX message_events_message ON message_events (message_key, occurred_at);

CREATE TABLE orders (key INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, external_id TEXT NOT NULL, contact_key INTEGER, cart_external_id TEXT, status INTEGER NOT NULL, total REAL, currency TEXT, refunded_amount REAL NOT NULL,
 placed_at INTEGER, fulfilled_at INTEGER, delivered_at INTEGER, cancelled_at INTEGER, refunded_at INTEGER, tracking_number TEXT, carrier TEXT, tracking_url TEXT, updated_at INTEGER NOT NULL);
INSERT INTO orders SELECT o.rowid, (SELECT k FROM tk WHERE id = o.tenant_id), external_id, ck.k, cart_external_id, length(status), total, currency, refunded_amount, placed_at, fulfilled_at, delivered_at, cancelled_at, refunded_at, tracking_number, carrier, tracking_url, updated_at FROM s.orders o LEFT JOIN ck ON ck.id = o.contact_id ORDER BY o.rowid;
CREATE UNIQUE INDEX orders_external_id ON orders (tenant_key, external_id);
CREATE INDEX orders_contact ON orders (contact_key, placed_at);

CREATE TABLE order_lines (order_key INTEGER NOT NULL, line_number INTEGER NOT NULL, tenant_key INTEGER NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL, price REAL NOT NULL, PRIMARY KEY (order_key, line_number)) WITHOUT ROWID;
INSERT INTO order_lines SELECT ok.k, line_number, (SELECT k FROM tk WHERE id = l.tenant_id), sku, quantity, price FROM s.order_lines l JOIN ok ON ok.id = l.order_id;
CREATE INDEX order_lines_sku ON order_lines (tenant_key, sku);

CREATE TABLE carts (key INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, external_id TEXT NOT NULL, contact_key INTEGER, status INTEGER NOT NULL, value REAL NOT NULL, currency TEXT, checkout_url TEXT, lines TEXT NOT NULL,
 created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, abandoned_at INTEGER, closed_at INTEGER, order_external_id TEXT);
INSERT INTO carts SELECT c.rowid, (SELECT k FROM tk WHERE id = c.tenant_id), external_id, ck.k, length(status), value, currency, checkout_url, lines, created_at, updated_at, abandoned_at, closed_at, order_external_id FROM s.carts c LEFT JOIN ck ON ck.id = c.contact_id ORDER BY c.rowid;
CREATE UNIQUE INDEX carts_external_id ON carts (tenant_key, external_id);
CREATE INDEX carts_contact ON carts (contact_key, status);
CREATE INDEX carts_open_updated ON carts (updated_at) WHERE status = 4;
CREATE INDEX carts_open_tenant ON carts (tenant_key, updated_at) WHERE status = 4;

CREATE TABLE reviews (key INTEGER PRIMARY KEY, tenant_key INTEGER NOT NULL, contact_key INTEGER NOT NULL, order_external_id TEXT, sku TEXT, rating INTEGER NOT NULL, has_photo INTEGER NOT NULL, text TEXT, submitted_at INTEGER NOT NULL);
INSERT INTO reviews SELECT r.rowid, (SELECT k FROM tk WHERE id = r.tenant_id), ck.k, order_external_id, sku, rating, has_photo, text, submitted_at FROM s.reviews r JOIN ck ON ck.id = r.contact_id;
CREATE INDEX reviews_sku ON reviews (tenant_key, sku);

CREATE TABLE wishlist_items (contact_key INTEGER NOT NULL, sku TEXT NOT NULL, added_at INTEGER NOT NULL, PRIMARY KEY (contact_key, sku)) WITHOUT ROWID;
INSERT INTO wishlist_items SELECT ck.k, sku, added_at FROM s.wishlist_items w JOIN ck ON ck.id = w.contact_id;
