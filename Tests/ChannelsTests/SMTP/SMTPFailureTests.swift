import AutopilotCore
import Channels
import Foundation
import TestSupport
import Testing

@Suite(
    "SMTP connection reuse and failures against a real server (aiosmtpd)",
    .enabled(if: SMTPPeer.isAvailable, Comment(rawValue: SMTPPeer.unavailableReason)))
struct SMTPFailureTests {
    private func settings(port: Int) -> SMTPSettings {
        SMTPDeliveryTests.settings(port: port)
    }

    @Test("two messages travel over one connection, reset between them")
    func connectionReuse() async throws {
        let peer = try await SMTPPeer.start()
        defer { peer.stop() }
        let sender = try SMTPSender(settings: settings(port: peer.port))
        let first = await sender.send(SMTPDeliveryTests.message("run-1/step-1"))
        let second = await sender.send(SMTPDeliveryTests.message("run-1/step-2", to: "marc@client.example"))
        let idle = await sender.idleConnectionCount
        await sender.shutdown()

        #expect(first.isSent && second.isSent, "\(first) \(second)")
        let mails = try peer.messages()
        try #require(mails.count == 2)
        #expect(mails.map(\.connection) == [1, 1])
        #expect(mails.map(\.rcptTos) == [["elise@client.example"], ["marc@client.example"]])
        #expect(mails[0].headers["Message-ID"] != mails[1].headers["Message-ID"])
        #expect(peer.connectionCount == 1)
        #expect(idle == 1)
    }

    @Test("concurrent messages use separate connections; the pool keeps at most its limit")
    func concurrentSends() async throws {
        let peer = try await SMTPPeer.start(["--slow", "0.3"])
        defer { peer.stop() }
        var settings = settings(port: peer.port)
        settings.maximumIdleConnections = 1
        let sender = try SMTPSender(settings: settings)
        async let first = sender.send(SMTPDeliveryTests.message("c1"))
        async let second = sender.send(SMTPDeliveryTests.message("c2"))
        let outcomes = await [first, second]
        let idle = await sender.idleConnectionCount
        await sender.shutdown()

        #expect(outcomes.allSatisfy { $0.isSent }, "\(outcomes)")
        #expect(peer.connectionCount == 2)
        #expect(Set(try peer.messages().map(\.connection)) == [1, 2])
        #expect(idle == 1)
    }

    @Test("HELO when the server refuses EHLO")
    func heloFallback() async throws {
        let peer = try await SMTPPeer.start(["--refuse-ehlo"])
        defer { peer.stop() }
        let outcome = try await SMTPSender(settings: settings(port: peer.port)).send(SMTPDeliveryTests.message())

        #expect(outcome.isSent, "\(outcome)")
        #expect(try peer.messages().count == 1)
    }

    @Test("an idle connection is closed after the idle timeout and a new one opened")
    func idleTimeout() async throws {
        let peer = try await SMTPPeer.start()
        defer { peer.stop() }
        var settings = settings(port: peer.port)
        settings.idleTimeout = .milliseconds(200)
        let sender = try SMTPSender(settings: settings)
        let first = await sender.send(SMTPDeliveryTests.message("a"))
        try await Task.sleep(for: .milliseconds(700))
        let second = await sender.send(SMTPDeliveryTests.message("b"))
        await sender.shutdown()

        #expect(first.isSent && second.isSent, "\(first) \(second)")
        #expect(peer.connectionCount == 2)
        #expect(try peer.messages().map(\.connection) == [1, 2])
    }

    @Test("a recipient refused with 550 is a permanent rejected_recipient; the connection carries the next message")
    func rejectedRecipient() async throws {
        let peer = try await SMTPPeer.start(["--reject", "nobody@client.example"])
        defer { peer.stop() }
        let sender = try SMTPSender(settings: settings(port: peer.port))
        let rejected = await sender.send(SMTPDeliveryTests.message("x", to: "nobody@client.example"))
        let next = await sender.send(SMTPDeliveryTests.message("y"))
        await sender.shutdown()

        #expect(rejected.failure?.code == "rejected_recipient")
        #expect(rejected.failure?.isTransient == false)
        #expect(rejected.failure?.reason.contains("550") == true)
        #expect(next.isSent, "\(next)")
        #expect(try peer.messages().map(\.rcptTos) == [["elise@client.example"]])
        #expect(peer.connectionCount == 1)
    }

    @Test("451 after the data is transient")
    func temporaryFailure() async throws {
        let peer = try await SMTPPeer.start(["--temp-fail"])
        defer { peer.stop() }
        let outcome = try await SMTPSender(settings: settings(port: peer.port)).send(SMTPDeliveryTests.message())

        #expect(outcome.failure?.isTransient == true)
        #expect(outcome.failure?.code == "temporary_failure")
        #expect(outcome.failure?.reason.contains("451") == true)
    }

    @Test("nothing listening: transient connection failure")
    func serverDown() async throws {
        let port = try LoopbackPort.unused()
        let outcome = try await SMTPSender(settings: settings(port: port)).send(SMTPDeliveryTests.message())

        #expect(outcome.failure?.code == "connection")
        #expect(outcome.failure?.isTransient == true)
    }

    @Test("a server slower than the command timeout: transient timeout, its late answer not waited for")
    func slowServer() async throws {
        // The peer stores a message only after its delay, then answers: a client that waited would get 250 and a stored message.
        let peer = try await SMTPPeer.start(["--slow", "60"])
        defer { peer.stop() }
        var settings = settings(port: peer.port)
        settings.commandTimeout = .milliseconds(500)
        let outcome = try await SMTPSender(settings: settings).send(SMTPDeliveryTests.message())

        #expect(outcome.failure?.code == "timeout")
        #expect(outcome.failure?.isTransient == true)
        #expect(try peer.messages().isEmpty, "the sender gave up before the server's answer")
    }

    @Test("an email that cannot be written safely never reaches the server")
    func invalidMessage() async throws {
        let peer = try await SMTPPeer.start()
        defer { peer.stop() }
        var message = SMTPDeliveryTests.message()
        message.subject = "Hello\r\nBcc: everyone@example.com"
        let outcome = try await SMTPSender(settings: settings(port: peer.port)).send(message)

        #expect(outcome.failure?.code == "invalid_message")
        #expect(outcome.failure?.isTransient == false)
        #expect(peer.connectionCount == 0)
    }
}
