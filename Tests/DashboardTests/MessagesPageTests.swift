import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("Dashboard — messages: the outbox with its reasons in words, filtered and paged")
struct MessagesPageTests {
    static func contactID(_ harness: DashboardHarness, _ email: String) async throws -> String? {
        let rows = try await harness.store.database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = ?", [.text(harness.tenantA), .text(email)])
        ])
        return rows[0].first?.text(0)
    }

    /// An outbox row of tenant A, `minutes` after the harness's now minus a day (later ones are newer).
    static func message(
        _ harness: DashboardHarness, _ id: String, contact: String, flow: String? = "abandoned-cart", step: String? = "steps[3]",
        channel: Channel = .email, status: MessageStatus, reason: String? = nil, minutes: Int = 0
    ) -> OutboxRecord {
        let created = DashboardHarness.now.addingTimeInterval(-86_400 + Double(minutes) * 60)
        return OutboxRecord(
            id: id, tenantID: harness.tenantA, idempotencyKey: "key-" + id, contactID: contact, runID: nil, flowID: flow, step: step,
            channel: channel, template: "abandoned-cart-reminder", purpose: .marketing, status: status, scheduledAt: created,
            nextAttemptAt: status == .blocked ? created.addingTimeInterval(3600) : nil, recipient: "script@a.example", subject: "Votre panier",
            sentAt: status == .sent ? created : nil, blockedReason: reason, createdAt: created, updatedAt: created)
    }

    @Test func theOutboxShowsEachMessageWithItsReasonInWordsAndFilters() async throws {
        let harness = try await DashboardHarness.make()
        let contact = try #require(try await Self.contactID(harness, "script@a.example"))
        try await harness.store.recordDispatch([
            Self.message(harness, "m-sent", contact: contact, status: .sent, minutes: 1),
            Self.message(harness, "m-quiet", contact: contact, status: .blocked, reason: "quiet_hours", minutes: 2),
            Self.message(harness, "m-paused", contact: contact, status: .blocked, reason: "flow_paused", minutes: 3),
            Self.message(harness, "m-ordered", contact: contact, status: .skipped, reason: "run_exited:order_placed", minutes: 4),
            Self.message(harness, "m-sms", contact: contact, flow: "order-confirmation-sms", channel: .sms, status: .queued, minutes: 5),
            Self.message(harness, "m-other", contact: "ct_other", status: .skipped, reason: "no_consent", minutes: 6),
        ])
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("viewer@a.example")
            let all = try await browser.get("/messages")
            #expect(all.status == .ok)
            #expect(Self.rows(all) == 6)
            for words in [
                "En dehors des heures d&#39;envoi autorisées", "Retenu : l&#39;automatisation est en pause",
                "Pas besoin : le contact a passé commande entre-temps.", "Pas de consentement du contact pour ce canal.",
            ] {
                #expect(all.body.contains(words), "\(words)")
            }
            #expect(!all.body.contains(">quiet_hours<") && !all.body.contains("Pourquoi</th><td>run_exited"), "codes stay in the details")
            let newest = try #require(all.body.range(of: "Pas de consentement")), oldest = try #require(all.body.range(of: "En dehors des heures"))
            #expect(newest.lowerBound < oldest.lowerBound, "newest first")

            let held = try await browser.get("/messages?status=held")
            #expect(held.status == .ok && Self.rows(held) == 2)
            #expect(held.body.contains("<option value=\"held\" selected>"))
            #expect(Self.rows(try await browser.get("/messages?status=skipped")) == 2)
            #expect(Self.rows(try await browser.get("/messages?channel=sms")) == 1)
            #expect(Self.rows(try await browser.get("/messages?flow=order-confirmation-sms")) == 1)
            #expect(Self.rows(try await browser.get("/messages?contact=SCRIPT%40a.example")) == 5)
            #expect(Self.rows(try await browser.get("/messages?contact=nobody%40a.example")) == 0)
            #expect(Self.rows(try await browser.get("/messages?status=sent&channel=email")) == 1)

            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            let ofB = try await intruder.get("/messages")
            #expect(ofB.status == .ok && Self.rows(ofB) == 0)
            #expect(!ofB.body.contains("script@a.example"))
        }
    }

    @Test func fiftyMessagesAPageNewestFirst() async throws {
        let harness = try await DashboardHarness.make()
        let contact = try #require(try await Self.contactID(harness, "script@a.example"))
        try await harness.store.recordDispatch(
            (0..<120).map { Self.message(harness, String(format: "m%03d", $0), contact: contact, status: .sent, minutes: $0) })
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let first = try await browser.get("/messages?status=sent")
            #expect(Self.rows(first) == 50)
            #expect(first.body.contains("href=\"/messages?status=sent&amp;page=2\""))
            let third = try await browser.get("/messages?status=sent&page=3")
            #expect(Self.rows(third) == 20)
            #expect(!third.body.contains("data-testid=\"messages-next\""))
        }
    }

    static func rows(_ page: Page) -> Int {
        page.body.components(separatedBy: "data-testid=\"message-row\"").count - 1
    }
}
