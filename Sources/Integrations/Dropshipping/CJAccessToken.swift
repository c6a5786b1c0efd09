import AutopilotCore
import Foundation
import NIOHTTP1

/// CJ's `CJ-Access-Token`: CJ_ACCESS_TOKEN as given, or obtained from CJ_API_KEY through
/// `POST /authentication/getAccessToken` (`{"apiKey"}` → `data.accessToken`, `data.accessTokenExpiryDate`; a token lives
/// 15 days and CJ allows one call every 5 minutes) and kept until a day before it expires.
public actor CJAccessToken {
    enum Source {
        case fixed(String)
        case apiKey(String)
    }

    let source: Source
    let baseURL: String
    let http: SupplierHTTP
    let clock: any Clock
    var cached: (token: String, renewAt: Date)?

    /// A token used as is.
    public init(token: String) {
        source = .fixed(token)
        baseURL = CJClient.defaultBaseURL
        http = SupplierHTTP()
        clock = SystemClock()
    }

    /// A token obtained from the API key, at `baseURL`.
    public init(apiKey: String, baseURL: String = CJClient.defaultBaseURL, http: SupplierHTTP = SupplierHTTP(), clock: any Clock = SystemClock()) {
        source = .apiKey(apiKey)
        self.baseURL = baseURL
        self.http = http
        self.clock = clock
    }

    /// The token to send now.
    public func current() async throws(SupplierError) -> String {
        switch source {
        case .fixed(let token): return token
        case .apiKey(let key):
            let now = clock.now()
            if let cached, cached.renewAt > now { return cached.token }
            let answer = try await http.send(
                "cj", method: .POST, url: baseURL + "/authentication/getAccessToken", headers: [], body: ["apiKey": .string(key)])
            guard let data = try CJClient.data(answer.json), let token = data["accessToken"].flatMap(CJClient.text) else {
                throw SupplierError(code: "cj_bad_answer", message: "cj: getAccessToken answered without data.accessToken")
            }
            let stated = data["accessTokenExpiryDate"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) }
            let expiry = stated ?? now.addingTimeInterval(15 * 86_400)
            cached = (token, max(now.addingTimeInterval(300), expiry.addingTimeInterval(-86_400)))
            return token
        }
    }

    /// Forgets an obtained token CJ refused, so the next call gets a new one.
    public func forget() {
        cached = nil
    }
}
