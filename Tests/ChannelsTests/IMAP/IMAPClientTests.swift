import Channels
import Foundation
import TestSupport
import Testing

/// The IMAP client against a real Dovecot on loopback: log in, read the folder's UIDVALIDITY, list the UIDs after a
/// point, fetch whole messages byte for byte, and say clearly why when the password or the folder is wrong.
@Suite(.enabled(if: IMAPServer.isAvailable, "Dovecot is not installed (apt-get install dovecot-imapd)"))
struct IMAPClientTests {
    static let reply = """
        From: Julie Martin <julie@atelier.example>
        To: hello@boutique.example
        Subject: =?UTF-8?Q?Re=3A_Votre_panier_=C3=A9tait_l=C3=A0?=
        Message-ID: <reply-1@atelier.example>
        In-Reply-To: <3f2a@boutique.example>
        Date: Wed, 4 Mar 2026 12:00:00 +0100

        Oui, je le prends !

        """

    @Test func readsNewMessagesByUID() async throws {
        let server = try await IMAPServer.start()
        defer { server.stop() }
        try await server.deliver(Self.reply)
        try await server.deliver(Self.reply.replacingOccurrences(of: "reply-1", with: "reply-2"))
        let client = IMAPClient(
            settings: IMAPSettings(host: "127.0.0.1", port: server.port, security: .none, username: server.username, password: server.password))
        let (status, all, after, first) = try await client.withSession { session in
            let status = try await session.examine()
            let all = try await session.uids(after: 0)
            let after = try await session.uids(after: all.first ?? 0)
            let first = try await session.message(uid: all.first ?? 0)
            return (status, all, after, first)
        }
        #expect(status.uidValidity > 0)
        #expect(status.messages == 2)
        #expect(all.count == 2)
        #expect(after == Array(all.dropFirst()))
        let text = String(decoding: try #require(first), as: UTF8.self)
        #expect(text.contains("Message-ID: <reply-1@atelier.example>\r\n"))
        #expect(text.contains("Oui, je le prends !"))
        let none = try await client.withSession { session in
            _ = try await session.examine()
            return try await session.uids(after: all.last ?? 0)
        }
        #expect(none.isEmpty, "nothing after the last UID, although the range n:* always names the last message")
    }

    @Test func aWrongPasswordOrFolderIsSaidPlainly() async throws {
        let server = try await IMAPServer.start()
        defer { server.stop() }
        let wrong = IMAPClient(settings: IMAPSettings(host: "127.0.0.1", port: server.port, security: .none, username: server.username, password: "nope"))
        do {
            _ = try await wrong.withSession { try await $0.examine() }
            Issue.record("a wrong password must fail")
        } catch let error as IMAPError {
            #expect(error.code == "auth_failed", "\(error)")
        }
        let folder = IMAPClient(
            settings: IMAPSettings(
                host: "127.0.0.1", port: server.port, security: .none, username: server.username, password: server.password, folder: "Nowhere"))
        do {
            _ = try await folder.withSession { try await $0.examine() }
            Issue.record("a missing folder must fail")
        } catch let error as IMAPError {
            #expect(error.code == "no_folder", "\(error)")
        }
        let closed = IMAPClient(settings: IMAPSettings(host: "127.0.0.1", port: 1, security: .none, username: "x", password: "y"))
        do {
            _ = try await closed.withSession { try await $0.examine() }
            Issue.record("nothing listens on port 1")
        } catch let error as IMAPError {
            #expect(error.code == "connection", "\(error)")
        }
    }

    @Test func readsOverTLSCheckingTheCertificate() async throws {
        let server = try await IMAPServer.start(tls: true)
        defer { server.stop() }
        try await server.deliver(Self.reply)
        let pem = try #require(server.certificatePEM)
        let trusted = IMAPClient(
            settings: IMAPSettings(
                host: "127.0.0.1", port: server.port, security: .tls, username: server.username, password: server.password,
                trustRoots: .certificatesPEM(pem)))
        let uids = try await trusted.withSession { session in
            _ = try await session.examine()
            return try await session.uids(after: 0)
        }
        #expect(uids.count == 1)
        let untrusting = IMAPClient(
            settings: IMAPSettings(host: "127.0.0.1", port: server.port, security: .tls, username: server.username, password: server.password))
        do {
            _ = try await untrusting.withSession { try await $0.examine() }
            Issue.record("a self-signed certificate is not trusted by default")
        } catch let error as IMAPError {
            #expect(error.code == "tls" || error.code == "connection", "\(error)")
        }
    }
}
