import AutopilotCore
import Channels
import Foundation
import TestSupport
import Testing

@Suite("SMTP delivery to a real server (aiosmtpd)", .enabled(if: SMTPPeer.isAvailable, Comment(rawValue: SMTPPeer.unavailableReason)))
struct SMTPDeliveryTests {
    static let text = "Bonjour Élise,\nVotre panier vous attend.\n.\n.hidden line starting with a dot\n..two dots\nÀ bientôt"
    static let html = "<p>Bonjour <b>Élise</b>,</p>\n<p>Votre panier vous attend.</p>\n.\n<p>À bientôt</p>"

    static func message(_ key: String = "run-1/step-2", to recipient: String = "elise@client.example") -> OutboundMessage {
        OutboundMessage(
            id: "msg-\(key)", tenantID: "shop-1", idempotencyKey: key, channel: .email, recipient: recipient,
            subject: "Élise, votre panier vous attend ✨ — livraison offerte jusqu'à dimanche soir, profitez-en", text: text, html: html,
            unsubscribeURL: "https://shop.example/u/abc123?t=1")
    }

    static func settings(port: Int, host: String = "127.0.0.1", security: SMTPSettings.Security = .none) -> SMTPSettings {
        SMTPSettings(
            host: host, port: port, security: security, fromAddress: "hello@shop.example", fromName: "Boutique Élise",
            connectTimeout: .seconds(3), commandTimeout: .seconds(5))
    }

    @Test("a message arrives with its headers, both bodies and dot-stuffed lines intact")
    func plainDelivery() async throws {
        let peer = try await SMTPPeer.start()
        defer { peer.stop() }
        let sender = try SMTPSender(settings: Self.settings(port: peer.port))
        let outcome = await sender.send(Self.message())
        await sender.shutdown()

        guard case .sent(let providerID) = outcome else { Issue.record("not sent: \(outcome)"); return }
        let mail = try #require(try peer.messages().first)
        let messageID = try #require(mail.headers["Message-ID"])
        #expect(providerID == "\(messageID);queue-id=Q00001")
        #expect(mail.mailFrom == "hello@shop.example")
        #expect(mail.rcptTos == ["elise@client.example"])
        #expect(mail.fromDisplayName == "Boutique Élise")
        #expect(mail.fromAddress == "hello@shop.example")
        #expect(mail.headers["To"] == "elise@client.example")
        #expect(mail.headers["Subject"] == Self.message().subject)
        #expect(mail.headers["MIME-Version"] == "1.0")
        #expect(mail.headers["List-Unsubscribe"] == "<https://shop.example/u/abc123?t=1>")
        #expect(mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(mail.headers["Date"]?.hasSuffix("+0000") == true)
        #expect(messageID.hasPrefix("<") && messageID.hasSuffix("@shop.example>"))
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.map(\.charset) == ["utf-8", "utf-8"])
        #expect(mail.parts.first.map { Self.normalized($0.content) } == Self.text)
        #expect(mail.parts.last.map { Self.normalized($0.content) } == Self.html)

        let raw = try peer.rawMessage(1)
        let head = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(raw.contains("Subject: =?UTF-8?B?"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("STARTTLS then AUTH PLAIN, the certificate checked against the given CA and the host name")
    func startTLSWithPlainAuthentication() async throws {
        let certificate = try SMTPTestFiles.makeCertificate()
        defer { certificate.remove() }
        let peer = try await SMTPPeer.start([
            "--starttls", "--cert", certificate.certificatePath, "--key", certificate.keyPath, "--user", "shop", "--password", "s3cret é",
        ])
        defer { peer.stop() }
        var settings = Self.settings(port: peer.port, host: "localhost", security: .startTLS)
        settings.username = "shop"
        settings.password = "s3cret é"
        settings.trustRoots = .certificatesPEM(certificate.pem)
        let sender = try SMTPSender(settings: settings)
        let outcome = await sender.send(Self.message())
        await sender.shutdown()

        #expect(outcome.isSent, "\(outcome)")
        let mail = try #require(try peer.messages().first)
        #expect(mail.tls)
        #expect(mail.authMechanism == "PLAIN")
        #expect(mail.authLogin == "shop")
    }

    @Test("AUTH LOGIN when the server offers only LOGIN")
    func loginAuthentication() async throws {
        let peer = try await SMTPPeer.start(["--user", "shop", "--password", "pw", "--auth-mechanisms", "LOGIN"])
        defer { peer.stop() }
        var settings = Self.settings(port: peer.port)
        settings.username = "shop"
        settings.password = "pw"
        let sender = try SMTPSender(settings: settings)
        let outcome = await sender.send(Self.message())
        await sender.shutdown()

        #expect(outcome.isSent, "\(outcome)")
        #expect(try peer.messages().first?.authMechanism == "LOGIN")
        #expect(try peer.messages().first?.tls == false)
    }

    @Test("a wrong password is a permanent auth_failed")
    func wrongPassword() async throws {
        let peer = try await SMTPPeer.start(["--user", "shop", "--password", "pw"])
        defer { peer.stop() }
        var settings = Self.settings(port: peer.port)
        settings.username = "shop"
        settings.password = "wrong"
        let outcome = try await SMTPSender(settings: settings).send(Self.message())

        #expect(outcome.failure?.code == "auth_failed")
        #expect(outcome.failure?.isTransient == false)
        #expect(try peer.messages().isEmpty)
    }

    @Test("implicit TLS, the certificate checked against the given CA and the IP address")
    func implicitTLS() async throws {
        let certificate = try SMTPTestFiles.makeCertificate()
        defer { certificate.remove() }
        let peer = try await SMTPPeer.start(["--implicit-tls", "--cert", certificate.certificatePath, "--key", certificate.keyPath])
        defer { peer.stop() }
        var settings = Self.settings(port: peer.port, security: .implicitTLS)
        settings.trustRoots = .certificatesPEM(certificate.pem)
        let sender = try SMTPSender(settings: settings)
        let outcome = await sender.send(Self.message())
        await sender.shutdown()

        #expect(outcome.isSent, "\(outcome)")
        #expect(try peer.messages().first?.tls == true)
    }

    @Test("a certificate from an unknown CA is refused (transient tls); skipping verification is explicit")
    func untrustedCertificate() async throws {
        let certificate = try SMTPTestFiles.makeCertificate()
        defer { certificate.remove() }
        let otherCA = try SMTPTestFiles.makeCertificate()
        defer { otherCA.remove() }
        let peer = try await SMTPPeer.start(["--starttls", "--cert", certificate.certificatePath, "--key", certificate.keyPath])
        defer { peer.stop() }
        var settings = Self.settings(port: peer.port, host: "localhost", security: .startTLS)
        settings.trustRoots = .certificatesPEM(otherCA.pem)
        let refused = try await SMTPSender(settings: settings).send(Self.message())
        settings.trustRoots = .insecureSkipVerificationForTestsOnly
        let accepted = try await SMTPSender(settings: settings).send(Self.message())

        #expect(["tls", "connection"].contains(refused.failure?.code ?? ""), "\(refused)")
        #expect(refused.failure?.isTransient == true)
        #expect(accepted.isSent, "\(accepted)")
        #expect(try peer.messages().count == 1)
    }

    @Test("implicit TLS to a server whose certificate we do not trust: transient tls, nothing sent")
    func implicitTLSUntrusted() async throws {
        let certificate = try SMTPTestFiles.makeCertificate()
        defer { certificate.remove() }
        let peer = try await SMTPPeer.start(["--implicit-tls", "--cert", certificate.certificatePath, "--key", certificate.keyPath])
        defer { peer.stop() }
        let outcome = try await SMTPSender(settings: Self.settings(port: peer.port, security: .implicitTLS)).send(Self.message())

        #expect(["tls", "connection"].contains(outcome.failure?.code ?? ""), "\(outcome)")
        #expect(outcome.failure?.isTransient == true)
        #expect(try peer.messages().isEmpty)
    }

    @Test("STARTTLS required but not offered: nothing is sent in clear")
    func startTLSNotOffered() async throws {
        let peer = try await SMTPPeer.start()
        defer { peer.stop() }
        let outcome = try await SMTPSender(settings: Self.settings(port: peer.port, security: .startTLS)).send(Self.message())

        #expect(["tls", "connection"].contains(outcome.failure?.code ?? ""), "\(outcome)")
        #expect(try peer.messages().isEmpty)
    }

    static func normalized(_ content: String) -> String {
        var text = content.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension SendOutcome {
    var isSent: Bool {
        if case .sent = self { return true }
        return false
    }

    var failure: SendFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}
