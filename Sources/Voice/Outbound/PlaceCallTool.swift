import AutopilotCore
import Engine
import Tools

/// The voice agent's tools, added to the registry where the voice settings are known (`ToolCatalog.all + VoiceTools.all(…)`).
public enum VoiceTools {
    public static func all(settings: VoiceSettings) -> [Tool] {
        [placeCall(settings: settings)]
    }

    /// `place_call {contact_id | email | phone, purpose, idempotency_key?}`: calls a contact with the voice agent (a VIP
    /// offer, a booked callback) when consent, calling hours and the frequency cap allow; a refusal is recorded with its reason.
    public static func placeCall(settings: VoiceSettings) -> Tool {
        Tool(
            name: "place_call", title: "Place a phone call",
            description: "Calls one contact of the shop with the voice assistant, for the purpose given (said to the assistant), through "
                + "Twilio. The contact must have a phone number and have agreed to be contacted by phone; calls happen only within "
                + "calling hours in the contact's time zone and not more often than the frequency cap. Answers placed (with Twilio's "
                + "call id) or refused with the reason. The same idempotency_key never places a second call.",
            effect: .changes(destructive: false, idempotent: true, reachesPeople: true),
            input: [
                "type": "object",
                "properties": [
                    "contact_id": ["type": "string", "maxLength": 200, "description": "Autopilot's id of the contact"],
                    "email": ["type": "string", "maxLength": 320, "description": "the contact's email"],
                    "phone": ["type": "string", "maxLength": 40, "description": "the contact's phone number, E.164 (+33612345678)"],
                    "purpose": ["type": "string", "minLength": 1, "maxLength": 300, "description": "why the call is made, for the assistant"],
                    "idempotency_key": ["type": "string", "maxLength": 200, "description": "the same key never places a second call"],
                ],
                "required": ["purpose"], "additionalProperties": false,
            ],
            output: [
                "type": "object",
                "properties": [
                    "status": ["type": "string", "enum": ["placed", "refused", "failed"]], "call_id": ["type": "string"],
                    "reason": ["type": ["string", "null"]], "contact_id": ["type": ["string", "null"]],
                ],
                "required": ["status", "call_id", "reason"],
            ],
            run: { input, context in
                let contactID = try input.optionalString("contact_id")
                let email = try input.optionalString("email")
                let phone = try input.optionalString("phone")
                guard contactID != nil || email != nil || phone != nil else {
                    throw ToolError.invalid("$.contact_id", "give contact_id, email or phone")
                }
                let key = try input.optionalString("idempotency_key") ?? context.dependencies.ids.make("call")
                let record = try await OutboundCalls(dependencies: context.dependencies, settings: settings, sending: context.settings.sendingRules)
                    .place(
                        OutboundCalls.Request(contactID: contactID, email: email, phone: phone, purpose: try input.string("purpose"), idempotencyKey: key),
                        tenantID: context.tenantID)
                return [
                    "status": .string(record.status.rawValue), "call_id": .string(record.callID),
                    "reason": record.reason.map(JSONValue.string) ?? .null, "contact_id": record.contactID.map(JSONValue.string) ?? .null,
                ]
            })
    }
}
