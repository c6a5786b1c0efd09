import Foundation
import NIOCore

/// What the server says about the selected folder (RFC 3501 §6.3.1).
public struct IMAPFolderStatus: Sendable, Equatable {
    /// UIDs are only comparable while this stays the same; when it changes, every UID starts over.
    public var uidValidity: UInt32
    public var messages: Int
}

/// An open, logged-in session (`IMAPClient.withSession`): one command at a time, each with its own tag.
public struct IMAPSession {
    var responses: NIOAsyncChannelInboundStream<IMAPResponse>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let settings: IMAPSettings
    private var tagNumber = 0
    private var capabilities: Set<String> = []

    init(responses: NIOAsyncChannelInboundStream<IMAPResponse>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, settings: IMAPSettings) {
        self.responses = responses
        self.outbound = outbound
        self.settings = settings
    }

    mutating func open() async throws {
        let greeting = try await next()
        guard greeting.tag == "*", greeting.word == "OK" || greeting.word == "PREAUTH" else {
            throw IMAPError(code: "protocol_error", message: "\(settings.host) greeted with \"\(greeting.text.prefix(200))\"")
        }
        if greeting.word == "PREAUTH" { return }
        for response in try await command("CAPABILITY") where response.word == "CAPABILITY" {
            capabilities = Set(response.text.uppercased().split(separator: " ").dropFirst(2).map(String.init))
        }
        guard !capabilities.contains("LOGINDISABLED") || capabilities.contains("AUTH=PLAIN") else {
            throw IMAPError(code: "auth_failed", message: "\(settings.host) refuses to log in without encryption")
        }
        do {
            if capabilities.contains("AUTH=PLAIN") {
                let token = Data(([0] + Array(settings.username.utf8) + [0] + Array(settings.password.utf8))).base64EncodedString()
                _ = try await command("AUTHENTICATE PLAIN", continuation: token)
            } else {
                _ = try await command("LOGIN \(Self.quoted(settings.username)) \(Self.quoted(settings.password))")
            }
        } catch let error as IMAPError where error.code == "command_failed" {
            throw IMAPError(code: "auth_failed", message: "\(settings.host) refused the login of \(settings.username)")
        }
    }

    /// Selects the folder read-only (EXAMINE): nothing in it changes.
    public mutating func examine() async throws -> IMAPFolderStatus {
        let untagged: [IMAPResponse]
        do {
            untagged = try await command("EXAMINE \(Self.quoted(settings.folder))")
        } catch let error as IMAPError where error.code == "command_failed" {
            throw IMAPError(code: "no_folder", message: "\(settings.host) has no folder \"\(settings.folder)\" for \(settings.username)")
        }
        var status = IMAPFolderStatus(uidValidity: 0, messages: 0)
        for response in untagged {
            if let validity = response.code("UIDVALIDITY") { status.uidValidity = validity }
            let words = response.text.split(separator: " ")
            if words.count >= 3, words[2].uppercased() == "EXISTS", let count = Int(words[1]) { status.messages = count }
        }
        return status
    }

    /// The UIDs above `uid`, in ascending order.
    public mutating func uids(after uid: UInt32) async throws -> [UInt32] {
        var found: [UInt32] = []
        for response in try await command("UID SEARCH UID \(UInt64(uid) + 1):*") where response.word == "SEARCH" {
            found += response.text.split(separator: " ").dropFirst(2).compactMap { UInt32($0) }.filter { $0 > uid }
        }
        return found.sorted()
    }

    /// The whole message with UID `uid` (header and body as stored), nil when it is gone.
    public mutating func message(uid: UInt32) async throws -> [UInt8]? {
        for response in try await command("UID FETCH \(uid) (UID BODY.PEEK[])") where response.text.uppercased().contains("BODY[]") {
            if let literal = response.literals.first { return literal }
        }
        return nil
    }

    mutating func logout() async {
        _ = try? await command("LOGOUT")
    }

    /// Sends one tagged command; returns the untagged responses before its tagged OK, throws on NO or BAD. A continuation
    /// request (`+`) is answered with `continuation`.
    mutating func command(_ text: String, continuation: String? = nil) async throws -> [IMAPResponse] {
        tagNumber += 1
        let tag = "A\(tagNumber)"
        try await outbound.write(ByteBuffer(string: "\(tag) \(text)\r\n"))
        var untagged: [IMAPResponse] = []
        var continued = false
        while true {
            let response = try await next()
            if response.tag == "+" {
                guard let continuation, !continued else {
                    try await outbound.write(ByteBuffer(string: "*\r\n"))
                    continue
                }
                continued = true
                try await outbound.write(ByteBuffer(string: continuation + "\r\n"))
                continue
            }
            if response.tag == tag {
                guard response.word == "OK" else {
                    let verb = text.split(separator: " ").prefix(text.hasPrefix("UID") ? 2 : 1).joined(separator: " ")
                    throw IMAPError(code: "command_failed", message: "\(settings.host) answered \(verb) with \"\(response.text.dropFirst(tag.count + 1).prefix(200))\"")
                }
                return untagged
            }
            if response.tag == "*", response.word == "BYE", !text.hasPrefix("LOGOUT") {
                throw IMAPError(code: "closed", message: "\(settings.host) closed the session: \(response.text.prefix(200))")
            }
            untagged.append(response)
        }
    }

    private mutating func next() async throws -> IMAPResponse {
        guard let response = try await responses.next() else {
            throw IMAPError(code: "closed", message: "\(settings.host) closed the connection")
        }
        return response
    }

    /// A quoted string (RFC 3501 §4.3): backslash and double quote escaped; CR and LF cannot be sent this way.
    static func quoted(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")
        return "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
