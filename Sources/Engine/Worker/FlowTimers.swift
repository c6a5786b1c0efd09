import AutopilotCore
import Flows
import Foundation
import Storage

/// Fires due timers, purely.
enum FlowTimers {
    static func fire(_ records: [FlowRunRecord], catalogs: [String: FlowCatalog], now: Date) -> FlowChanges {
        var changes = FlowChanges()
        for record in records {
            var writer = FlowRunChanges(tenantID: record.tenantID, now: now)
            guard let run = FlowRunChanges.run(record), let wakeAt = run.wakeAt,
                let definition = catalogs[record.tenantID]?.definition(id: run.flowID, version: run.flowVersion)
            else {
                // A run that cannot be read or whose flow version is gone stops here, with the reason, instead of firing forever.
                var broken = record
                broken.wakeAt = nil
                broken.status = .exited
                broken.reason = "definition_missing"
                broken.finishedAt = now
                broken.updatedAt = now
                changes.runs.append(broken)
                continue
            }
            let (next, effects) = FlowInterpreter.step(definition: definition, run: run, input: .timer(dueAt: wakeAt), now: now)
            writer.record(next, effects: effects, startedAt: record.startedAt)
            if next == run && effects.isEmpty, var unchanged = writer.changes.runs.last {
                // A timer the run does not accept would be claimed again and again: drop it.
                unchanged.wakeAt = nil
                writer.changes.runs[writer.changes.runs.count - 1] = unchanged
            }
            changes.runs += writer.changes.runs
            changes.messages += writer.changes.messages
            changes.actions += writer.changes.actions
        }
        return changes
    }
}
