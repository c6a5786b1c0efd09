import Crypto
import Foundation

/// The key the TwiML passes as a stream parameter, so that a stream is only bridged for a call Autopilot answered:
/// HMAC-SHA256 over the tenant, Twilio's call id and the caller's number, with the tenant's Twilio webhook secret.
public enum StreamKey {
    public static func make(secret: String, tenantID: String, callID: String, phone: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(tenantID)\n\(callID)\n\(phone)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    public static func verify(_ key: String, secret: String, tenantID: String, callID: String, phone: String) -> Bool {
        let expected = Array(make(secret: secret, tenantID: tenantID, callID: callID, phone: phone).utf8)
        let given = Array(key.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
