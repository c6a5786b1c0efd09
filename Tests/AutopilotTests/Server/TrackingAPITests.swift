import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storage
import Testing

@Suite("HTTP API — open pixel, click redirects, unsubscribe")
struct TrackingAPITests {
    static let base = "https://ap.example"
    static let checkout = "https://shop.example/checkout/K-881"

    /// The harness with both tenants through the scenario's first four hours: an email to Amina is sent (on `log`).
    struct Sent {
        let harness: APITestHarness
        let engine: Worker
        let dependencies: Dependencies
        let first: String
        let second: String
        let reminder: MessageListing
        let otherReminder: MessageListing
        let signer: TrackingSigner

        func links(tenantID: String? = nil, messageID: String? = nil, signer: TrackingSigner? = nil) -> TrackingLinks {
            TrackingLinks(
                baseURL: TrackingAPITests.base, signer: signer ?? self.signer, tenantID: tenantID ?? first, messageID: messageID ?? reminder.id)
        }

        func events(_ type: EventType, tenantID: String? = nil) async throws -> [EventView] {
            try await harness.store.events(EventQuery(type: type, limit: 100), tenantID: tenantID ?? first).events
        }
    }

    /// `store` and `ids`: the harness's (default: in-memory, seeded ids, so the database's tracking secret is the public
    /// one of reproducible runs).
    static func sent(store: SQLStore? = nil, ids: any IDGenerator = SeededIDGenerator(seed: 31)) async throws -> Sent {
        let harness = try await APITestHarness.make(store: store)
        harness.clock.set(FlowScenario.start)
        let tenants = try await harness.store.tenants()
        let first = try #require(tenants.first { $0.name == "First shop" }?.id)
        let second = try #require(tenants.first { $0.name == "Second shop" }?.id)
        let dependencies = Dependencies(store: harness.store, clock: harness.clock, ids: ids)
        var settings = FlowEngineSettings()
        settings.publicURL = base
        let engine = try TestWorker.make(dependencies, settings: settings)
        try await EmailDispatchTests.run(engine: engine, dependencies: dependencies, clock: harness.clock, tenants: [first, second], hours: 4)
        let queries = FlowQueries(store: harness.store)
        let reminder = try #require(
            try await queries.messages(tenantID: first, contactEmail: "amina@example.fr").first { $0.channel == "email" && $0.status == "sent" })
        let other = try #require(
            try await queries.messages(tenantID: second, contactEmail: "amina@example.fr").first { $0.channel == "email" && $0.status == "sent" })
        #expect(reminder.status == "sent" && other.status == "sent")
        let secret = try await harness.store.instanceSecret(
            name: TrackingKeySource.secretName, candidate: String(repeating: "x", count: 43), at: Fixtures.now)
        #expect(secret != String(repeating: "x", count: 43), "the dispatcher created the database's tracking secret")
        return Sent(
            harness: harness, engine: engine, dependencies: dependencies, first: first, second: second, reminder: reminder, otherReminder: other,
            signer: TrackingSigner(secret: secret))
    }

    static func path(_ url: String) -> String { String(url.dropFirst(base.count)) }

    @Test func theOpenPixelRecordsOneOpenPerMessage() async throws {
        let sent = try await Self.sent()
        try await sent.harness.app.test(.router) { client in
            for _ in 0..<2 {
                let response = try await client.execute(uri: Self.path(sent.links().pixelURL), method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/gif")
                let bytes = Array(response.body.readableBytesView)
                #expect(bytes.count == 43 && bytes.starts(with: Array("GIF89a".utf8)) && bytes.last == 0x3B)
                #expect(bytes[6...9] == [1, 0, 1, 0], "1×1")
            }
        }
        let opened = try await sent.events(.messageOpened)
        #expect(opened.count == 1)
        #expect(opened.first?.properties["message_id"] == .string(sent.reminder.id))
        let listed = try await FlowQueries(store: sent.harness.store).messages(tenantID: sent.first, contactEmail: "amina@example.fr")
        #expect(listed.first { $0.id == sent.reminder.id }?.status == "opened")
    }

    @Test func aClickRedirectsToTheExactURLAndIsRecordedOnce() async throws {
        let sent = try await Self.sent()
        let target = Self.checkout + "?utm_source=email&x=%C3%A9#top"
        try await sent.harness.app.test(.router) { client in
            for _ in 0..<2 {
                let response = try await client.execute(uri: Self.path(sent.links().clickURL(target)), method: .get)
                #expect(response.status == .found)
                #expect(response.headers[.location] == target)
            }
        }
        let clicked = try await sent.events(.messageClicked)
        #expect(clicked.count == 1)
        #expect(clicked.first?.properties["url"] == .string(target))
        #expect(clicked.first?.properties["message_id"] == .string(sent.reminder.id))
    }

    @Test func tamperedForeignAndUnknownTokensAreNotFound() async throws {
        let sent = try await Self.sent()
        let click = Self.path(sent.links().clickURL(Self.checkout))
        let token = click.dropFirst("/t/c/".count)
        let middle = token.index(token.startIndex, offsetBy: token.count / 3)
        let flipped = token[..<middle] + (token[middle] == "A" ? "B" : "A") + token[token.index(after: middle)...]
        let otherKey = TrackingSigner(secret: "someone-elses-secret-0123456789abcdef")
        let paths = [
            "/t/c/" + flipped,
            "/t/c/" + token.dropLast(2),
            "/t/c/not-a-token",
            Self.path(sent.links(signer: otherKey).clickURL(Self.checkout)),
            Self.path(sent.links(tenantID: sent.second).clickURL(Self.checkout)),
            Self.path(sent.links(messageID: "no-such-message").clickURL(Self.checkout)),
            Self.path(sent.links().pixelURL).replacingOccurrences(of: "/t/o/", with: "/t/c/").replacingOccurrences(of: ".gif", with: ""),
            Self.path(sent.links(tenantID: sent.second).pixelURL),
            Self.path(sent.links(signer: otherKey).pixelURL),
            Self.path(sent.links(tenantID: sent.second).unsubscribeURL(channel: .email)),
            Self.path(sent.links(signer: otherKey).unsubscribeURL(channel: .email)),
            "/u/" + flipped,
        ]
        try await sent.harness.app.test(.router) { client in
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.location] == nil)
            }
            let post = try await client.execute(
                uri: Self.path(sent.links(tenantID: sent.second).unsubscribeURL(channel: .email)), method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(post.status == .notFound)
        }
        for type in [EventType.messageOpened, .messageClicked, .contactUnsubscribed] {
            #expect(try await sent.events(type).isEmpty)
            #expect(try await sent.events(type, tenantID: sent.second).isEmpty)
        }
    }

    @Test func theUnsubscribeLinkEndsRunsAndLaterMarketingEmailIsSkipped() async throws {
        let sent = try await Self.sent()
        let body = try #require(sent.reminder.body)
        let start = try #require(body.range(of: Self.base + "/u/"))
        let url = String(body[start.lowerBound...].prefix { !$0.isWhitespace })
        try await sent.harness.app.test(.router) { client in
            let page = try await client.execute(uri: Self.path(url), method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.contains("Vous êtes désinscrit des emails"))
            #expect(html.contains("<form method=\"post\"><input type=\"hidden\" name=\"channel\" value=\"all\">"))
        }
        let unsubscribed = try await sent.events(.contactUnsubscribed)
        #expect(unsubscribed.map { $0.properties["channel"] } == [.string("email")])

        let now = sent.harness.clock.now()
        let cart = Fixtures.envelope(
            "cart.updated", at: Timestamp.format(now), key: "k-again", contact: ["email": "amina@example.fr"],
            properties: ["cart_id": "K-882", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR"])
        _ = try await IngestPipeline(dependencies: sent.dependencies).ingest(document: .object(["events": [cart]]), tenantID: sent.first)
        var clock = now
        for _ in 0..<4 {
            clock = clock.addingTimeInterval(3_600)
            sent.harness.clock.set(clock)
            try await sent.engine.runDue(now: clock)
        }
        let counts = try await sent.harness.store.flowRunCounts(tenantID: sent.first)
        #expect(counts.contains { $0.flowID == "abandoned-cart" && $0.status == .exited && $0.reason == "unsubscribed" }, "\(counts)")
        let messages = try await FlowQueries(store: sent.harness.store).messages(tenantID: sent.first, contactEmail: "amina@example.fr")
        let reminders = messages.filter { $0.template == "abandoned-cart-reminder" }
        #expect(reminders.count == 2, "\(messages)")
        #expect(reminders.allSatisfy { $0.status != "sent" }, "\(reminders)")
        #expect(reminders.contains { $0.status == "skipped" && $0.blockedReason == "unsubscribed" }, "the new cart's email is not sent")
    }

    @Test func oneClickPostUnsubscribesTheChannelAndTheButtonEveryChannel() async throws {
        let sent = try await Self.sent()
        let url = sent.links(tenantID: sent.second, messageID: sent.otherReminder.id).unsubscribeURL(channel: .email)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await sent.harness.app.test(.router) { client in
            let oneClick = try await client.execute(
                uri: Self.path(url), method: .post, headers: form, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(oneClick.status == .ok)
            let wrong = try await client.execute(uri: Self.path(url), method: .post, headers: form, body: ByteBuffer(string: "channel=fax"))
            #expect(wrong.status == .badRequest)
            let all = try await client.execute(uri: Self.path(url), method: .post, headers: form, body: ByteBuffer(string: "channel=all"))
            #expect(all.status == .ok)
            #expect(String(buffer: all.body).contains("Vous êtes désinscrit de tous les canaux"))
            #expect(!String(buffer: all.body).contains("<form"))
        }
        let unsubscribed = try await sent.events(.contactUnsubscribed, tenantID: sent.second)
        #expect(Set(unsubscribed.compactMap { $0.properties["channel"]?.stringValue }) == ["email", "all"])
        #expect(try await sent.events(.contactUnsubscribed).isEmpty, "the first tenant's contact of the same address is untouched")
        let contactID = try #require(try await sent.harness.store.contactID(email: "amina@example.fr", tenantID: sent.second))
        let contact = try #require(try await sent.harness.store.contacts(ids: [contactID], tenantID: sent.second)[contactID])
        #expect(contact.consents[.sms]?.granted == false && contact.consents[.email]?.granted == false)
    }
}
