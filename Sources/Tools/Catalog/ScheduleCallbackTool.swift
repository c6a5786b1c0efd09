import AutopilotCore
import Engine

extension Tool {
    /// `schedule_callback {contact, slot?, note?, language?, idempotency_key?}`: without `slot`, the next free slots in the
    /// shop's business hours; with one, the callback booked as a task and confirmed to the person.
    public static let scheduleCallback = Tool(
        name: "schedule_callback", title: "Book a callback",
        description: "Books a call back from the shop's team. Call it first without `slot` to get the next free 30-minute slots in "
            + "the shop's business hours and time zone (with how to say each in French and English); offer them, then call it "
            + "again with the chosen slot's `start` as `slot`. Booking creates a callback task for the team and sends the person a "
            + "confirmation (SMS when a phone number is known, else email), under the usual sending rules.",
        effect: .changes(destructive: false, idempotent: true, reachesPeople: true),
        input: Schema.object(
            [
                "contact": Schema.taskContact,
                "slot": Schema.string("the chosen slot's start, as offered (ISO 8601)", maxLength: 40),
                "note": Schema.string("what the call is about", maxLength: 2_000),
                "language": Schema.string("the confirmation's language", oneOf: ["fr", "en"]),
                "idempotency_key": Schema.string("any text; the same key books once", maxLength: 200),
            ]),
        output: Schema.object(["slots": Schema.array(of: Schema.anyObject), "callback": Schema.anyObject]),
        run: { input, context in
            let service = CallbackService(dependencies: context.dependencies)
            guard input.arguments["slot"] != nil, input.arguments["slot"] != .null else {
                return ["slots": try JSONValue.encoding(try await service.slots(tenantID: context.tenantID))]
            }
            let request = try CallbackRequest(json: input.arguments, createdBy: context.caller.description)
            return ["callback": try JSONValue.encoding(try await service.schedule(request, tenantID: context.tenantID))]
        })
}
