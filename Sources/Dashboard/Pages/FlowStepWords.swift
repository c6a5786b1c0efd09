import AutopilotCore
import Content
import Flows
import Foundation

/// A flow's definition in plain words: its trigger, its exits and its steps, top to bottom, each with the path the
/// statistics use (`steps[3]`, `steps[1].then[0]`) and its depth inside branches.
struct FlowStepWords {
    struct Line {
        var path: String
        var depth: Int
        var text: String
        /// The technical form, shown one level down.
        var detail: String
        var isSend: Bool
        /// A heading inside a step (`Otherwise:`), not a step of its own.
        var isLabel: Bool
    }

    let strings: Strings

    func lines(_ steps: [FlowStep]) -> [Line] {
        var lines: [Line] = []
        walk(steps, prefix: "steps", depth: 0, into: &lines)
        return lines
    }

    private func walk(_ steps: [FlowStep], prefix: String, depth: Int, into lines: inout [Line]) {
        for (index, step) in steps.enumerated() {
            let path = "\(prefix)[\(index)]"
            lines.append(Line(path: path, depth: depth, text: words(step), detail: detail(step), isSend: step.kind == "send", isLabel: false))
            switch step {
            case .branch(_, let then, let otherwise):
                walk(then, prefix: path + ".then", depth: depth + 1, into: &lines)
                if !otherwise.isEmpty {
                    lines.append(Line(path: path + ".else", depth: depth, text: strings["step_else"], detail: "", isSend: false, isLabel: true))
                    walk(otherwise, prefix: path + ".else", depth: depth + 1, into: &lines)
                }
            case .waitFor(let wait) where !wait.onTimeout.isEmpty:
                lines.append(
                    Line(path: path + ".on_timeout", depth: depth, text: strings["step_on_timeout"], detail: "", isSend: false, isLabel: true))
                walk(wait.onTimeout, prefix: path + ".on_timeout", depth: depth + 1, into: &lines)
            case .split(let split):
                let total = split.variants.reduce(0) { $0 + $1.weight }
                for variant in split.variants {
                    let share = total > 0 ? "\(Int((variant.weight / total * 100).rounded())) %" : "0 %"
                    lines.append(
                        Line(
                            path: path + "." + variant.id, depth: depth, text: strings.format("step_variant", variant.id, share), detail: "",
                            isSend: false, isLabel: true))
                    walk(variant.steps, prefix: path + "." + variant.id, depth: depth + 1, into: &lines)
                }
            default:
                break
            }
        }
    }

    func words(_ step: FlowStep) -> String {
        switch step {
        case .wait(.duration(let duration)): return strings.format("step_wait", self.duration(duration))
        case .wait(.days): return strings["step_wait_days"]
        case .waitUntil(let until):
            let days = until.weekdays.isEmpty ? strings["step_any_day"] : until.weekdays.map { weekday($0) }.joined(separator: ", ")
            let when = until.time.map { strings.format("step_wait_until_time", days, $0.description) } ?? days
            return strings.format("step_wait_until", when)
        case .send(let send):
            var text = strings.format("step_send", strings["channel_a_\(send.channel.rawValue)"], send.template)
            if let coupon = send.coupon {
                switch (coupon.kind, coupon.discount) {
                case (.referral, _): text += " " + strings["step_send_referral"]
                case (_, .percent(let percent)):
                    text += " " + strings.format("step_send_coupon", "\(Self.number(percent)) %", duration(coupon.validity))
                case (_, .amount(let amount)): text += " " + strings.format("step_send_coupon", Self.number(amount), duration(coupon.validity))
                case (_, .freeShipping): text += " " + strings.format("step_send_free_shipping", duration(coupon.validity))
                }
            }
            if send.transactional { text += " (" + strings["step_send_transactional"] + ")" }
            return text
        case .branch(let condition, _, _): return strings.format("step_branch", conditionWords(condition))
        case .waitFor(let wait): return strings.format("step_wait_for", event(wait.eventType), duration(wait.timeout))
        case .updateContact: return strings["step_update_contact"]
        case .notify(let notify): return strings["step_notify_\(notify.channel.rawValue)"]
        case .webhook: return strings["step_webhook"]
        case .call: return strings["step_call"]
        case .task(let task): return strings.format("step_task", task.title)
        case .approve: return strings["step_approve"]
        case .exit: return strings["step_exit"]
        case .split(let split): return strings.format("step_split", split.variants.map(\.id).joined(separator: " / "))
        }
    }

    /// The technical form of a step for the details: its kind and the expression or names it uses.
    func detail(_ step: FlowStep) -> String {
        switch step {
        case .wait(.duration(let duration)): "wait: \(duration)"
        case .wait(.days(let condition)): "wait: days \(condition.source)"
        case .branch(let condition, _, _): "if: \(condition.source)"
        case .waitFor(let wait): "wait_for: \(wait.eventType)" + (wait.condition.map { " where \($0.source)" } ?? "")
        case .send(let send): "send: \(send.channel.rawValue) \(send.template)"
        case .exit(let reason): "exit: \(reason)"
        default: step.kind
        }
    }

    func conditionWords(_ condition: Condition) -> String {
        let source = condition.source.replacingOccurrences(of: " ", with: "")
        for channel in ["sms", "email", "whatsapp"] where source == "contact.consents.\(channel)==true" || source == "contact.consents.\(channel)" {
            return strings["step_condition_\(channel)"]
        }
        return strings["step_condition"]
    }

    /// What starts a flow, in words.
    func trigger(_ trigger: FlowTrigger) -> String {
        switch trigger {
        case .event(let type, _): event(type)
        case .date(let date): strings.format("trigger_date", date.property)
        case .schedule(let schedule, _): strings.format("trigger_schedule", "\(schedule)")
        case .manual: strings["trigger_manual"]
        case .recommendation: strings["trigger_recommendation"]
        }
    }

    func event(_ type: String) -> String {
        let key = "event_" + type.replacingOccurrences(of: ".", with: "_")
        return strings.table[key] ?? strings.format("event_other", type)
    }

    func duration(_ duration: FlowDuration) -> String {
        var parts: [String] = []
        let days = duration.days + duration.seconds / 86_400
        if days > 0 {
            if days % 7 == 0 {
                parts.append(days == 7 ? strings["duration_week"] : strings.format("duration_weeks", "\(days / 7)"))
            } else {
                parts.append(days == 1 ? strings["duration_day"] : strings.format("duration_days", "\(days)"))
            }
        }
        let hours = (duration.seconds % 86_400) / 3600, minutes = (duration.seconds % 3600) / 60
        if hours > 0 { parts.append(hours == 1 ? strings["duration_hour"] : strings.format("duration_hours", "\(hours)")) }
        if minutes > 0 || parts.isEmpty { parts.append(strings.format("duration_minutes", "\(minutes)")) }
        return parts.joined(separator: strings["duration_and"])
    }

    func weekday(_ day: Weekday) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: strings.language == .french ? "fr_FR" : "en_GB")
        let index = ((Weekday.allCases.firstIndex(of: day) ?? 0) + 1) % 7
        return calendar.weekdaySymbols[index]
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }
}
