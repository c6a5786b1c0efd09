import AutopilotCore
import HummingbirdWebSocket
import Synchronization
import Voice

/// A realtime model on loopback speaking the OpenAI Realtime events (GA names, or the beta ones), with a script:
/// it greets with `greeting` audio (and keeps speaking, so the caller interrupts it), signals the caller's speech after
/// `bargeInAfter` frames (barge-in), then after `callAfter` frames "hears" `callerSays` and calls `check_order_status`,
/// and once the tool's output is back answers with `answer` audio and its transcript.
final class FakeRealtimeProvider: Sendable {
    struct Script: Sendable {
        var greeting: [String]
        var answer: [String]
        var answerText: String
        var callerSays: String
        var orderID: String
        var bargeInAfter = 10
        var callAfter = 40
        var beta = false
        /// Drops the connection (as a provider failing mid-call) once this many caller frames arrived, after transcribing
        /// `saysBeforeDrop`.
        var dropAfter: Int?
        var saysBeforeDrop = ""
    }

    struct Record: Sendable {
        var connections = 0
        var authorization: [String] = []
        var events: [(type: String, object: JSONObject)] = []
        var appended: [String] = []
        var toolOutputs: [(callID: String, output: String)] = []
        var sentAudio: [String] = []

        func count(_ type: String) -> Int { events.filter { $0.type == type }.count }
        var sessionUpdate: JSONObject? { events.first { $0.type == "session.update" }?.object }
    }

    let script: Script
    private let state = Mutex(Record())

    init(script: Script) {
        self.script = script
    }

    var record: Record { state.withLock { $0 } }

    var handler: WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> {
        { inbound, outbound, _ in try await self.converse(inbound: inbound, outbound: outbound) }
    }

    private func send(_ event: RealtimeServerEvent, _ outbound: WebSocketOutboundWriter) async throws {
        if case .audioDelta(_, let delta) = event { state.withLock { $0.sentAudio.append(delta) } }
        try await outbound.writeTextMessage(event.encoded(beta: script.beta))
    }

    private func converse(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        state.withLock { $0.connections += 1 }
        try await send(.sessionCreated, outbound)
        var responses = 0
        var frames = 0
        for try await message in inbound.messages(maxSize: 1 << 22) {
            guard case .text(let text) = message else { continue }
            let (type, object) = try RealtimeClientEvent.decode(text)
            state.withLock { record in
                record.events.append((type, object))
                if type == "input_audio_buffer.append", let audio = object["audio"]?.stringValue { record.appended.append(audio) }
                if type == "conversation.item.create", let item = object["item"], item["type"] == "function_call_output" {
                    record.toolOutputs.append((item["call_id"]?.stringValue ?? "", item["output"]?.stringValue ?? ""))
                }
            }
            switch type {
            case "session.update":
                try await send(.sessionUpdated, outbound)
            case "response.create":
                responses += 1
                if responses == 1 {
                    try await send(.responseCreated(responseID: "resp_greeting"), outbound)
                    for frame in script.greeting { try await send(.audioDelta(responseID: "resp_greeting", delta: frame), outbound) }
                } else {
                    try await send(.responseCreated(responseID: "resp_answer"), outbound)
                    for frame in script.answer { try await send(.audioDelta(responseID: "resp_answer", delta: frame), outbound) }
                    try await send(.audioDone(responseID: "resp_answer"), outbound)
                    try await send(.outputTranscript(responseID: "resp_answer", text: script.answerText), outbound)
                    try await send(.responseDone(responseID: "resp_answer", status: "completed"), outbound)
                }
            case "response.cancel":
                try await send(.responseDone(responseID: "resp_greeting", status: "cancelled"), outbound)
            case "input_audio_buffer.append":
                frames += 1
                if frames == script.dropAfter {
                    if !script.saysBeforeDrop.isEmpty { try await send(.inputTranscript(itemID: "item_before", text: script.saysBeforeDrop), outbound) }
                    return
                }
                if frames == script.bargeInAfter { try await send(.speechStarted, outbound) }
                if frames == script.callAfter {
                    try await send(.speechStopped, outbound)
                    try await send(.inputTranscript(itemID: "item_caller", text: script.callerSays), outbound)
                    try await send(.responseCreated(responseID: "resp_tool"), outbound)
                    let arguments = JSONValue.object(["order_id": .string(script.orderID)]).jsonString
                    try await send(.functionCall(callID: "call_order", name: "check_order_status", arguments: arguments), outbound)
                    try await send(.responseDone(responseID: "resp_tool", status: "completed"), outbound)
                }
            default:
                break
            }
        }
    }
}
