import AutopilotCore
import Engine
import Foundation
import Storage
import TestSupport
import Testing

/// Reading the shop's mailbox over IMAP (a real Dovecot): replies land on the emails they answer, automatic answers are
/// not counted, a hard bounce suppresses the address, a soft one queues the email again, nothing is read twice — even by
/// two pollers at once — and one tenant's mailbox never touches another tenant's messages. SQLite always, PostgreSQL
/// when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite(.enabled(if: IMAPServer.isAvailable, "Dovecot is not installed (apt-get install dovecot-imapd)"))
struct MailboxPollTests {
    static let cipher = try! SettingsCipher(key: Array(repeating: 7, count: 32))

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func mail(from: String, subject: String, id: String, inReplyTo: String?, headers: String = "", body: String) -> String {
        """
        From: \(from)
        To: hello@boutique.example
        Subject: \(subject)
        Date: Wed, 4 Mar 2026 12:00:00 +0100
        Message-ID: <\(id)>
        \(inReplyTo.map { "In-Reply-To: \($0)\n" } ?? "")\(headers)MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(body)

        """
    }

    static func bounce(for address: String, to envelope: String, status: String, original: String) -> String {
        """
        From: MAILER-DAEMON@mx.boutique.example
        To: \(envelope)
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-\(status)-\(address)>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

        --dsn
        Content-Type: text/plain

        Your message could not be delivered.
        --dsn
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.boutique.example

        Final-Recipient: rfc822; \(address)
        Action: failed
        Status: \(status)
        Diagnostic-Code: smtp; 550 \(status) mailbox problem

        --dsn
        Content-Type: text/rfc822-headers

        From: hello@boutique.example
        To: \(address)
        Message-ID: \(original)
        --dsn--

        """
    }

    static func sent(_ id: String, contactID: String, tenantID: String, messageID: String, at: Date) -> OutboxRecord {
        OutboxRecord(
            id: id, tenantID: tenantID, idempotencyKey: "key-" + id, contactID: contactID, runID: nil, flowID: nil, step: nil, channel: .email,
            template: "welcome-1", purpose: .marketing, status: .sent, scheduledAt: at, nextAttemptAt: nil, attempts: 1, sender: "smtp",
            providerID: messageID + ";queue-id=Q1", sentAt: at, createdAt: at, updatedAt: at)
    }

    static func contract(_ store: SQLStore) async throws {
        let server = try await IMAPServer.start()
        defer { server.stop() }
        let now = Fixtures.now
        let clock = ManualClock(now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        var setup: [JSONValue] = []
        for name in ["amina", "bob", "carl"] {
            setup.append(
                Fixtures.envelope(
                    "contact.created", key: "c-\(name)", contact: ["email": .string("\(name)@example.fr")],
                    properties: ["consents": ["email": true]]))
        }
        _ = try await pipeline.ingest(document: ["events": .array(setup)], tenantID: tenantID)
        var outbox: [OutboxRecord] = []
        for name in ["amina", "bob", "carl"] {
            let contactID = try #require(try await store.contactID(email: "\(name)@example.fr", tenantID: tenantID))
            outbox.append(Self.sent("ob_\(name)", contactID: contactID, tenantID: tenantID, messageID: "<\(name)-1@boutique.example>", at: now))
        }
        try await store.recordDispatch(outbox)
        let sentEvents = ["amina", "bob", "carl"].map { name in
            Fixtures.envelope(
                "message.sent", key: "sent-\(name)", contact: ["email": .string("\(name)@example.fr")],
                properties: ["message_id": .string("ob_\(name)"), "channel": "email"])
        }
        _ = try await pipeline.ingest(document: ["events": .array(sentEvents)], tenantID: tenantID)

        let poller = MailboxPoller(dependencies: dependencies, cipher: cipher)
        #expect(try await poller.poll(tenantID: tenantID) == nil, "no mailbox set: nothing to read")
        let mailbox: [String: String?] = [
            "imap.host": "127.0.0.1", "imap.port": String(server.port), "imap.security": "none", "imap.username": server.username,
            "imap.password": server.password, "email.bounce_address": "bounce@boutique.example",
        ]
        try await ShopSettings.update(mailbox, store: store, tenantID: tenantID, cipher: cipher, now: now)
        #expect(try await store.tenantSettings(tenantID: tenantID)["imap.password"]?.contains(server.password) == false, "stored encrypted")

        try await server.deliver(
            mail(
                from: "Amina <amina@example.fr>", subject: "Re: Votre panier", id: "reply-1@example.fr", inReplyTo: "<amina-1@boutique.example>",
                body: "Oui, je commande ce soir.\n\nLe mar. 3 mars 2026 à 10:00, Boutique <hello@boutique.example> a écrit :\n> Votre panier"))
        try await server.deliver(
            mail(
                from: "Amina <amina@example.fr>", subject: "Absence", id: "ooo-1@example.fr", inReplyTo: "<amina-1@boutique.example>",
                headers: "Auto-Submitted: auto-replied\n", body: "Absente jusqu'au 10 mars."))
        try await server.deliver(bounce(for: "bob@example.fr", to: "bounce+ob_bob@boutique.example", status: "4.2.2", original: "<bob-1@boutique.example>"))
        try await server.deliver(bounce(for: "carl@example.fr", to: "hello@boutique.example", status: "5.1.1", original: "<carl-1@boutique.example>"))

        let report = try #require(try await poller.poll(tenantID: tenantID))
        #expect(report.read == 4)
        #expect(report.recorded == 3, "\(report)")
        #expect(report.ignored == ["auto_reply": 1])
        let replies = try await store.events(EventQuery(type: .messageReplied), tenantID: tenantID).events
        #expect(replies.count == 1)
        #expect(replies.first?.properties["message_id"] == "ob_amina", "matched by In-Reply-To")
        #expect(replies.first?.properties["text"] == "Oui, je commande ce soir.")
        let messages = try await FlowQueries(store: store).messages(tenantID: tenantID)
        #expect(messages.first { $0.id == "ob_amina" }?.status == "replied")
        #expect(messages.first { $0.id == "ob_carl" }?.status == "failed", "bounced, found by the Message-ID the report quotes")
        #expect(messages.first { $0.id == "ob_bob" }?.status == "queued", "a soft bounce queues the email again")
        let bob = try #require(try await store.outboxMessage(id: "ob_bob", tenantID: tenantID))
        #expect(bob.nextAttemptAt == now.addingTimeInterval(6 * 3_600), "sent again six hours later")
        #expect(bob.lastError?.hasPrefix("soft_bounce: 4.2.2") == true)

        #expect(try await poller.poll(tenantID: tenantID)?.read == 0, "nothing is read twice")
        let state = try #require(try await store.mailboxPoll(tenantID: tenantID, mailbox: "\(server.username)@127.0.0.1:\(server.port)/INBOX"))
        #expect(state.messagesRead == 4 && state.lastError == nil)

        // Two pollers at once (two workers on one database): the new reply is recorded once.
        try await server.deliver(
            mail(
                from: "Amina <amina@example.fr>", subject: "Re: Votre panier", id: "reply-2@example.fr", inReplyTo: "<amina-1@boutique.example>",
                body: "Et le code marche ?"))
        async let first = poller.poll(tenantID: tenantID)
        async let second = poller.poll(tenantID: tenantID)
        let both = try await [first, second]
        #expect(both.map { $0?.recorded ?? 0 }.reduce(0, +) == 1, "\(both)")
        #expect(try await store.events(EventQuery(type: .messageReplied), tenantID: tenantID).events.count == 2)

        // Another tenant reading the same mailbox finds none of the first tenant's emails: its replies name no message, and
        // the first tenant's emails stay as they were.
        try await ShopSettings.update(mailbox, store: store, tenantID: other, cipher: cipher, now: now)
        let theirs = try #require(try await poller.poll(tenantID: other))
        #expect(theirs.read == 5)
        let otherReplies = try await store.events(EventQuery(type: .messageReplied), tenantID: other).events
        #expect(otherReplies.count == 2 && otherReplies.allSatisfy { $0.properties["message_id"] == nil })
        #expect(try await store.events(EventQuery(type: .messageReplied), tenantID: tenantID).events.count == 2)
        let unchanged = try await FlowQueries(store: store).messages(tenantID: tenantID)
        #expect(unchanged.map(\.status).sorted() == messages.map(\.status).sorted(), "the first tenant's emails are as they were")

        // A wrong password is recorded with the poll state, and thrown.
        try await ShopSettings.update(["imap.password": "wrong"], store: store, tenantID: other, cipher: cipher, now: now)
        await #expect(throws: (any Error).self) { _ = try await poller.poll(tenantID: other) }
        let failed = try await store.mailboxPoll(tenantID: other, mailbox: "\(server.username)@127.0.0.1:\(server.port)/INBOX")
        #expect(failed?.lastError?.contains("auth_failed") == true, "\(String(describing: failed))")
    }
}
