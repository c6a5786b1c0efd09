import AutopilotCore
import Foundation
import Storage

/// The team notice a new support ticket or hand-off writes: a `notify` action on Slack (the log when Slack is not
/// configured), carried out and retried by the worker like a flow's. Callbacks are on the task list, without a notice.
enum TaskNotice {
    static func action(for task: TaskRecord) -> FlowActionRecord? {
        guard task.kind != .callback else { return nil }
        let key = "task:" + task.id
        return FlowActionRecord(
            id: FlowRunChanges.messageID(tenantID: task.tenantID, key: key).replacingOccurrences(of: "msg_", with: "act_"), tenantID: task.tenantID,
            idempotencyKey: key, runID: "", flowID: "", contactID: task.contactID ?? "", kind: .notify,
            payload: JSONValue.object(["channel": "slack", "message": .string(text(for: task)), "task_id": .string(task.id)]).jsonString,
            status: .pending, nextAttemptAt: task.createdAt, createdAt: task.createdAt, updatedAt: task.createdAt)
    }

    /// `*Hand-off requested* — Camille Martin (camille@example.com, +33612345678): wants to talk to a person` and the details.
    static func text(for task: TaskRecord) -> String {
        let title = task.kind == .handOff ? "Hand-off requested / Conversation à reprendre" : "New support ticket / Nouveau ticket"
        let who = [task.contactEmail, task.contactPhone].compactMap { $0 }.joined(separator: ", ")
        let person = [task.contactName, who.isEmpty ? nil : "(\(who))"].compactMap { $0 }.joined(separator: " ")
        var lines = ["*\(title)* — " + (person.isEmpty ? "" : person + ": ") + task.subject]
        if !task.details.isEmpty { lines.append(String(task.details.prefix(1_000))) }
        if let conversation = task.conversationID { lines.append("conversation: \(conversation)") }
        lines.append("task: \(task.id)")
        return lines.joined(separator: "\n")
    }
}
