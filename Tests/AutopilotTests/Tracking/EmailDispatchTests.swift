import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import TestSupport
import Testing

/// The dispatcher sends a tenant's email through its own SMTP relay (the real `SMTPSender` to a real aiosmtpd server),
/// with signed tracking links and unsubscribe header; a tenant without settings stays on `log`.
@Suite(.enabled(if: SMTPPeer.isAvailable, "python3 cannot import aiosmtpd"))
struct EmailDispatchTests {
    static let secret = "email-dispatch-test-secret-0123456789abcdef"

    @Test func aTenantsEmailLeavesThroughItsRelayTrackedAndSigned() async throws {
        let peer = try await SMTPPeer.start(["--user", "boutique", "--password", "s3cret-pass"])
        defer { peer.stop() }
        try await TestDatabases.withSQLite { store in
            let clock = ManualClock(FlowScenario.start)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 21))
            let tenants = TenantService(dependencies: dependencies)
            let smtpTenant = try await tenants.create(name: "Boutique Amina").tenantID
            let logTenant = try await tenants.create(name: "Log shop").tenantID
            let relay = SMTPSettings(
                host: "127.0.0.1", port: peer.port, security: .none, username: "boutique", password: "s3cret-pass",
                fromAddress: "bonjour@boutique.example",
                fromName: "Boutique Amina")
            try await ChannelSettingsService(store: store, clock: clock).useSMTP(relay, tenantID: smtpTenant)
            var settings = FlowEngineSettings()
            settings.publicURL = "https://ap.example"
            settings.trackingSecret = Self.secret
            let directory = SenderDirectory()
            let engine = try TestWorker.make(dependencies, settings: settings, senders: directory)

            try await Self.run(engine: engine, dependencies: dependencies, clock: clock, tenants: [smtpTenant, logTenant], hours: 4)

            let mails = try peer.messages()
            let queries = FlowQueries(store: store)
            let emails = try await queries.messages(tenantID: smtpTenant).filter { $0.channel == "email" && $0.status == "sent" }
            #expect(!emails.isEmpty && emails.allSatisfy { $0.sender == "smtp" })
            #expect(mails.count == emails.count, "only the SMTP tenant's emails go to the relay (its SMS and the other tenant's mail are logged)")
            let sms = try await queries.messages(tenantID: smtpTenant).filter { $0.channel == "sms" && $0.status == "sent" }
            #expect(!sms.isEmpty && sms.allSatisfy { $0.sender == "log" })
            let amina = try #require(
                try await queries.messages(tenantID: smtpTenant, contactEmail: "amina@example.fr").first {
                    $0.channel == "email" && $0.status == "sent"
                })
            let mail = try #require(mails.first { $0.rcptTos == ["amina@example.fr"] })
            #expect(mail.fromAddress == "bonjour@boutique.example" && mail.fromDisplayName == "Boutique Amina")
            #expect(mail.mailFrom == "bonjour@boutique.example")
            #expect(mail.authLogin == "boutique")

            let signer = TrackingSigner(secret: Self.secret)
            let header = try #require(mail.headers["List-Unsubscribe"]).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(header.hasPrefix("<https://ap.example/u/") && header.hasSuffix(">"))
            let unsubscribe = String(header.dropFirst("<https://ap.example/u/".count).dropLast())
            #expect(signer.verify(unsubscribe, kind: .unsubscribe) == .unsubscribe(tenantID: smtpTenant, messageID: amina.id, channel: .email))
            #expect(mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")

            let text = try #require(mail.part("text/plain"))
            let html = try #require(mail.part("text/html"))
            let body = try #require(amina.body)
            let original = Self.links(in: body).filter { !$0.hasPrefix("https://ap.example/") }
            #expect(!original.isEmpty, "the template links to the shop")
            // Each click leads to the original link, tagged with UTM parameters naming the channel, flow and step.
            let utm = UTMTags.forMessage(channel: "email", flowID: amina.flow, step: amina.step)
            #expect(Self.targets(text, signer: signer) == original.map(utm.tagging))
            #expect(Set(Self.targets(html, signer: signer)) == Set(original.map(utm.tagging)))
            for link in original { #expect(!Self.links(in: text).contains(link) && !html.contains("href=\"\(link)\"")) }
            #expect(text.contains("https://ap.example/u/\(unsubscribe)"), "the unsubscribe link in the body is the signed one, not a click redirect")
            #expect(body.contains("https://ap.example/u/\(unsubscribe)"))
            #expect(!text.contains("/t/o/"))
            let pixel = TrackingLinks(baseURL: "https://ap.example", signer: signer, tenantID: smtpTenant, messageID: amina.id).pixelURL
            #expect(html.contains("<img src=\"\(pixel)\""))

            let logged = try await queries.messages(tenantID: logTenant).filter { $0.channel == "email" && $0.status == "sent" }
            #expect(logged.count == emails.count && logged.allSatisfy { $0.sender == "log" })
            #expect(await directory.pool.count == 1)
        }
    }

    @Test func unusableTenantSettingsFailTheMessageInsteadOfLoggingIt() async throws {
        try await TestDatabases.withSQLite { store in
            let clock = ManualClock(FlowScenario.start)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 22))
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "broken").tenantID
            try await store.saveChannelSettings(
                ChannelSettingsRecord(
                    tenantID: tenantID, channel: .email, provider: "smtp", settings: ["host": "127.0.0.1"], secrets: nil, updatedAt: clock.now()))
            var settings = FlowEngineSettings()
            settings.maximumAttempts = 1
            let engine = try TestWorker.make(dependencies, settings: settings)
            try await Self.run(engine: engine, dependencies: dependencies, clock: clock, tenants: [tenantID], hours: 4)
            let messages = try await FlowQueries(store: store).messages(tenantID: tenantID, contactEmail: "amina@example.fr")
            let reminder = try #require(messages.first { $0.template == "abandoned-cart-reminder" })
            #expect(reminder.status == "failed")
            #expect(reminder.lastError?.hasPrefix("channel_misconfigured:") == true)
        }
    }

    /// The click targets of every `/t/c/` link in a body.
    static func targets(_ body: String, signer: TrackingSigner) -> [String] {
        body.components(separatedBy: "https://ap.example/t/c/").dropFirst().compactMap { rest in
            var token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            while token.hasSuffix(".") { token = token.dropLast() }
            return signer.verify(String(token), kind: .click)?.detail
        }
    }

    /// The http(s) URLs of a text, as `TemplateHTML` links them (closing punctuation left out).
    static func links(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }).compactMap { word in
            guard let start = word.range(of: "http") else { return nil }
            var url = word[start.lowerBound...]
            while let last = url.last, ".,;:!?)]}'".contains(last) { url = url.dropLast() }
            return url.hasPrefix("https://") || url.hasPrefix("http://") ? String(url) : nil
        }
    }

    /// Ingests the scenario's events into every tenant as the clock reaches them and runs the engine hour by hour.
    static func run(engine: Worker, dependencies: Dependencies, clock: ManualClock, tenants: [String], hours: Int) async throws {
        let pipeline = IngestPipeline(dependencies: dependencies)
        var ingested = Set<Int>()
        var now = clock.now()
        for _ in 0...hours {
            let due = FlowScenario.events.indices.filter { index in
                !ingested.contains(index)
                    && (FlowScenario.events[index]["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantFuture) <= now
            }
            if !due.isEmpty {
                for tenantID in tenants {
                    _ = try await pipeline.ingest(document: .object(["events": .array(due.map { FlowScenario.events[$0] })]), tenantID: tenantID)
                }
                ingested.formUnion(due)
            }
            try await engine.runDue(now: now)
            now = now.addingTimeInterval(3_600)
            clock.set(now)
        }
    }
}
