import Foundation
import NIOCore

extension SMTPConnection {
    /// Authenticates with AUTH PLAIN (RFC 4616) when advertised, else AUTH LOGIN.
    func authenticate(username: String, password: String) async throws(SMTPSessionFailure) {
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            let token = Data(Array("\u{0}\(username)\u{0}\(password)".utf8)).base64EncodedString()
            try expectAuthenticated(try await exchange("AUTH PLAIN \(token)", stage: .authentication))
        } else if mechanisms.contains("LOGIN") {
            let start = try await exchange("AUTH LOGIN", stage: .authentication)
            guard start.code == 334 else { throw SMTPSessionFailure.reply(start, stage: .authentication, host: settings.host) }
            let afterUser = try await exchange(Data(username.utf8).base64EncodedString(), stage: .authentication)
            guard afterUser.code == 334 else { throw SMTPSessionFailure.reply(afterUser, stage: .authentication, host: settings.host) }
            try expectAuthenticated(try await exchange(Data(password.utf8).base64EncodedString(), stage: .authentication))
        } else {
            let offered = mechanisms.isEmpty ? "no AUTH mechanism" : "only " + mechanisms.sorted().joined(separator: ", ")
            throw .local(
                code: "auth_unavailable", reason: "\(settings.host) offers \(offered); a username is configured, which needs PLAIN or LOGIN",
                isTransient: false)
        }
    }

    private func expectAuthenticated(_ reply: SMTPReply) throws(SMTPSessionFailure) {
        guard reply.code == 235 else { throw SMTPSessionFailure.reply(reply, stage: .authentication, host: settings.host) }
    }

    /// One mail transaction: MAIL FROM, RCPT TO, DATA and the dot-stuffed message; returns the final 250 reply.
    func transmit(_ message: MIMEMessage) async throws(SMTPSessionFailure) -> SMTPReply {
        if message.requiresSMTPUTF8, !capabilities.smtpUTF8 {
            throw SMTPSessionFailure(
                failure: SendFailure(
                    code: "invalid_message", reason: "\(settings.host) does not offer SMTPUTF8, needed for a non-ASCII address", isTransient: false),
                connectionReusable: true)
        }
        let parameters = message.requiresSMTPUTF8 ? " SMTPUTF8" : ""
        let mail = try await exchange("MAIL FROM:<\(message.envelopeFrom)>\(parameters)", stage: .mailFrom)
        guard mail.code == 250 else { throw SMTPSessionFailure.reply(mail, stage: .mailFrom, host: settings.host) }
        let stage = SMTPStage.recipient(message.recipient)
        let rcpt = try await exchange("RCPT TO:<\(message.recipient)>", stage: stage)
        guard rcpt.code == 250 || rcpt.code == 251 else { throw SMTPSessionFailure.reply(rcpt, stage: stage, host: settings.host) }
        let data = try await exchange("DATA", stage: .data)
        guard data.code == 354 else { throw SMTPSessionFailure.reply(data, stage: .data, host: settings.host) }
        let body = ByteBuffer(bytes: DotStuffing.dataSection(message.data))
        let accepted = try await link.exchange(payload: body, stage: .messageBody)
        guard accepted.code == 250 else { throw SMTPSessionFailure.reply(accepted, stage: .messageBody, host: settings.host) }
        return accepted
    }

    /// RSET: clears any half-done transaction before the connection carries another message.
    func reset() async throws(SMTPSessionFailure) {
        let reply = try await exchange("RSET", stage: .reset)
        guard reply.code == 250 else { throw SMTPSessionFailure.reply(reply, stage: .reset, host: settings.host) }
    }
}
