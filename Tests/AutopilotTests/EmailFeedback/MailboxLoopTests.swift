import AutopilotCore
import Channels
import Decisions
import Engine
import Foundation
import Storage
import TestSupport
import Testing

/// The whole loop for a shop without an inbound-mail service: the lead nurture's email leaves through a real SMTP relay
/// (aiosmtpd) with a VERP envelope sender; the lead's answer lands in the shop's mailbox (a real Dovecot) and is read
/// over IMAP: the "silence" follow-up disappears and the nurture ends. A bounce report coming back to the VERP address
/// suppresses the other lead's address.
@Suite(.enabled(if: SMTPPeer.isAvailable && IMAPServer.isAvailable, "needs aiosmtpd and Dovecot (dovecot-imapd)"))
struct MailboxLoopTests {
    static let now = Fixtures.date("2026-03-10T09:00:00Z")

    @Test func aReplyInTheMailboxEndsTheSilenceAndTheNurtureAndABounceSuppresses() async throws {
        let peer = try await SMTPPeer.start([])
        defer { peer.stop() }
        let server = try await IMAPServer.start()
        defer { server.stop() }
        let shop = try await TestShop.make(at: Self.now)
        let relay = SMTPSettings(host: "127.0.0.1", port: peer.port, security: .none, fromAddress: "bonjour@boutique.example")
        try await ChannelSettingsService(store: shop.store, clock: shop.clock).useSMTP(relay, tenantID: shop.tenantID)
        try await ShopSettings.update(
            [
                "imap.host": "127.0.0.1", "imap.port": String(server.port), "imap.security": "none", "imap.username": server.username,
                "imap.password": server.password, "email.bounce_address": "bounce@boutique.example",
            ], store: shop.store, tenantID: shop.tenantID, cipher: MailboxPollTests.cipher, now: Self.now)
        // Two cool leads: the first nurture email goes at once, the second four days later.
        try await shop.ingest(SendThenExitTests.lead(2, message: "Boutique Shopify, budget 300€ par mois, projet dans 6 mois."))
        try await shop.ingest(SendThenExitTests.lead(3, message: "Boutique Shopify, budget 300€ par mois, projet dans 6 mois."))
        let worker = try TestWorker.make(shop.dependencies)
        try await worker.runDue(now: Self.now)
        let queries = FlowQueries(store: shop.store)
        let nurture = try await queries.messages(tenantID: shop.tenantID).filter { $0.template == "lead-nurture-1" && $0.status == "sent" }
        let toClaire = try #require(nurture.first { $0.contact == "lead2@boutique.example" }, "\(nurture.map { "\($0.contact ?? "") \($0.status)" })")
        let toLead3 = try #require(nurture.first { $0.contact == "lead3@boutique.example" })
        let mail = try #require(try peer.messages().first { $0.headers["X-Autopilot-Message-ID"] == toClaire.id })
        #expect(mail.mailFrom == "bounce+\(toClaire.id)@boutique.example", "the VERP envelope sender names the message")
        let messageID = try #require(mail.headers["Message-ID"]?.trimmingCharacters(in: .whitespaces))

        // Three days on, before the flows' next emails: nothing came back, so a silence follow-up is proposed.
        let later = Self.now.addingTimeInterval(73 * 3_600)
        shop.clock.set(later)
        let claire = try #require(try await shop.store.contactID(email: "lead2@boutique.example", tenantID: shop.tenantID))
        let insights = InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantID)
        let silent = try await insights.insights(at: later).recommendations.filter { $0.contactID == claire && $0.rule == .silence }
        let all = try await insights.insights(at: later).recommendations
        #expect(!silent.isEmpty, "three days without an answer: \(all.map { "\($0.contactEmail ?? "") \($0.rule)" })")

        try await server.deliver(
            """
            From: Claire <lead2@boutique.example>
            To: bonjour@boutique.example
            Subject: Re: \(toClaire.subject ?? "")
            Message-ID: <claire-answer@boutique.example>
            In-Reply-To: \(messageID)
            References: \(messageID)
            Content-Type: text/plain; charset=utf-8

            Oui, appelons-nous jeudi.

            On Tue, Mar 10, 2026 at 10:00 AM Boutique <bonjour@boutique.example> wrote:
            > Bonjour Claire
            """)
        let toLead3Mail = try #require(try peer.messages().first { $0.headers["X-Autopilot-Message-ID"] == toLead3.id })
        try await server.deliver(
            """
            From: MAILER-DAEMON@mx.boutique.example
            To: \(toLead3Mail.mailFrom)
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn-lead3@mx.boutique.example>
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.boutique.example

            Final-Recipient: rfc822; lead3@boutique.example
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown
            --r--
            """)
        let report = try #require(try await MailboxPoller(dependencies: shop.dependencies, cipher: MailboxPollTests.cipher).poll(tenantID: shop.tenantID))
        #expect(report.recorded == 2, "\(report)")
        shop.clock.set(later.addingTimeInterval(60))
        try await worker.runDue(now: later.addingTimeInterval(60))

        let reply = try #require(try await shop.store.events(EventQuery(type: .messageReplied), tenantID: shop.tenantID).events.first)
        #expect(reply.properties["message_id"]?.stringValue == toClaire.id)
        #expect(reply.properties["text"] == "Oui, appelons-nous jeudi.")
        let after = try await insights.insights(at: later.addingTimeInterval(60)).recommendations.filter { $0.contactID == claire && $0.rule == .silence }
        #expect(after.isEmpty, "she answered: no silence follow-up")
        let runs = try await shop.store.flowRunCounts(tenantID: shop.tenantID).filter { $0.flowID == "lead-nurture" }
        #expect(runs.contains { $0.status == .exited && ($0.reason ?? "").contains("repl") }, "\(runs)")

        // Four days on: Claire gets no second nurture email; lead 3's address bounced, so theirs is skipped.
        let end = Self.now.addingTimeInterval(5 * 86_400)
        shop.clock.set(end)
        try await worker.runDue(now: end)
        let second = try await queries.messages(tenantID: shop.tenantID).filter { $0.template == "lead-nurture-2" }
        #expect(!second.contains { $0.contact == "lead2@boutique.example" && $0.status == "sent" })
        let lead3Second = second.first { $0.contact == "lead3@boutique.example" }
        #expect(lead3Second?.status == "skipped" && lead3Second?.blockedReason == "hard_bounced", "\(second.map { "\($0.contact ?? "") \($0.status) \($0.blockedReason ?? "")" })")
        #expect(try await queries.messages(tenantID: shop.tenantID).first { $0.id == toLead3.id }?.status == "failed", "bounced")
    }
}
