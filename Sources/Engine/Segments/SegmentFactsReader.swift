import AutopilotCore
import Flows
import Foundation
import Storage

/// Turns stored facts into what a segment condition reads (`contact.*`, `scores.*`, `lead.*`, the moments of `history.*`).
enum SegmentFactsReader {
    static func facts(_ record: SegmentFactsRecord) -> SegmentFacts {
        var scores = JSONObject()
        scores["rfm_segment"] = record.rfmSegment.map(JSONValue.string)
        if let rfm = record.rfm {
            scores["rfm_r"] = .int(Int64(rfm.r))
            scores["rfm_f"] = .int(Int64(rfm.f))
            scores["rfm_m"] = .int(Int64(rfm.m))
        }
        scores["churn_band"] = record.churnBand.map(JSONValue.string)
        scores["churn_score"] = record.churnScore.map(JSONValue.double)
        scores["clv"] = record.clv.map(JSONValue.double)
        scores["p_alive"] = record.pAlive.map(JSONValue.double)
        var lead = JSONObject()
        lead["tier"] = record.leadTier.map(JSONValue.string)
        lead["score"] = record.leadScore.map { .int(Int64($0)) }
        let contact = record.contact
        var moments: [String: Date] = ["created": contact.createdAt]
        moments["order"] = contact.lastOrderAt
        moments["first_order"] = contact.firstOrderAt
        moments["email_sent"] = record.lastEmailSentAt
        moments["email_open"] = record.lastEmailOpenAt
        moments["click"] = record.lastClickAt
        moments["reply"] = record.lastReplyAt
        return SegmentFacts(contactID: contact.id, contact: FlowEntities.contact(contact), scores: scores, lead: lead, moments: moments)
    }
}
