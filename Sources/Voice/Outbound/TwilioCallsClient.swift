import AsyncHTTPClient
import AutopilotCore
import Foundation
import NIOCore
import NIOHTTP1

/// Twilio's account and number for placing calls (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_VOICE_FROM` or
/// `TWILIO_FROM`, `TWILIO_BASE_URL`).
public struct TwilioCallSettings: Sendable, Hashable {
    public var accountSID: String
    public var authToken: String
    public var from: String
    public var baseURL: String

    public init(accountSID: String, authToken: String, from: String, baseURL: String = "https://api.twilio.com") {
        self.accountSID = accountSID
        self.authToken = authToken
        self.from = from
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    static func fromEnvironment(_ environment: [String: String]) -> TwilioCallSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let account = value("TWILIO_ACCOUNT_SID"), let token = value("TWILIO_AUTH_TOKEN"),
            let from = value("TWILIO_VOICE_FROM") ?? value("TWILIO_FROM")
        else { return nil }
        return TwilioCallSettings(accountSID: account, authToken: token, from: from, baseURL: value("TWILIO_BASE_URL") ?? "https://api.twilio.com")
    }
}

/// Twilio's Calls API: `POST /2010-04-01/Accounts/{AccountSid}/Calls.json` (form: `To`, `From`, `Url`, `Method`),
/// basic authentication with the account and its auth token; the answer is the call resource (`sid`, `status`).
struct TwilioCallsClient: Sendable {
    let settings: TwilioCallSettings

    struct Failure: Error, CustomStringConvertible {
        var status: Int
        var message: String
        var description: String { "Twilio answered \(status): \(message)" }
    }

    func create(to: String, answerURL: String) async throws -> (sid: String, status: String) {
        let url = "\(settings.baseURL)/2010-04-01/Accounts/\(settings.accountSID)/Calls.json"
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        let credentials = Data("\(settings.accountSID):\(settings.authToken)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic " + credentials)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let form = [("To", to), ("From", settings.from), ("Url", answerURL), ("Method", "POST")]
        request.body = .bytes(ByteBuffer(string: form.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let json = try? JSONParser.parse(body)
        guard (200..<300).contains(Int(response.status.code)), let sid = json?["sid"]?.stringValue else {
            throw Failure(status: Int(response.status.code), message: json?["message"]?.stringValue ?? String(body.prefix(200)))
        }
        return (sid, json?["status"]?.stringValue ?? "queued")
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
