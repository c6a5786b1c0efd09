import AutopilotCore
import Foundation
import Storage

/// A coupon code issued with a message: derived from the message id, so a retried dispatch issues the same code.
struct MessageCoupon {
    var record: CouponRecord

    static func issue(_ request: CouponOptions, message: OutboxRecord, now: Date) -> MessageCoupon {
        let code = request.code ?? (request.kind == .referral ? "REF-" : "AP-") + Self.code(from: message.tenantID + "/" + message.id)
        return MessageCoupon(
            record: CouponRecord(
                tenantID: message.tenantID, code: code, kind: request.kind, percent: request.percent ?? 0, contactID: message.contactID,
                messageID: message.id, validUntil: now.addingTimeInterval(request.validitySeconds), createdAt: now, amount: request.amount,
                freeShipping: request.freeShipping, minimumOrder: request.minimumOrder))
    }

    /// What templates read: `coupon.code`, `coupon.percent`, `coupon.amount`, `coupon.free_shipping`,
    /// `coupon.minimum_order`, `coupon.valid_until`, `coupon.link`.
    func values(shopURL: String) -> JSONObject {
        Self.values(of: record, shopURL: shopURL)
    }

    static func values(of record: CouponRecord, shopURL: String) -> JSONObject {
        var values: JSONObject = ["code": .string(record.code), "percent": .double(record.percent)]
        values["amount"] = record.amount.map(JSONValue.double)
        if record.freeShipping { values["free_shipping"] = true }
        values["minimum_order"] = record.minimumOrder.map(JSONValue.double)
        if let until = record.validUntil { values["valid_until"] = .string(String(Timestamp.format(until).prefix(10))) }
        values["link"] = .string("\(shopURL)/?ref=\(record.code)")
        return values
    }

    /// Eight characters from an alphabet without look-alikes (no 0/O, 1/I).
    static func code(from seed: String) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        var code = ""
        for _ in 0..<8 {
            code.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return code
    }
}
