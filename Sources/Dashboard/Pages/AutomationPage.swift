import AutopilotCore
import Content
import Engine
import Flows
import Foundation

/// One automation: its steps drawn top to bottom in plain words, under each message what it achieved over the period
/// (entered → sent → opened → clicked → ordered), and the same switch and resume as the list.
struct AutomationPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(id: String, request: PageRequest) async throws -> PageView {
        let strings = viewer.strings
        let period = AutomationPeriod(request)
        let now = app.dependencies.clock.now()
        let store = app.dependencies.store
        let detail: FlowDetail
        do {
            detail = try await FlowAdministration(dependencies: app.dependencies, tenantID: viewer.tenantID).flow(id: id)
        } catch let error as FlowAdministrationError where error.category == .notFound {
            throw DashboardFailure.notFound
        }
        async let statsLoad = FlowAnalytics(store: store, tenantID: viewer.tenantID).stats(flowID: id, from: period.start(now: now), until: now)
        let catalog = try await FlowCatalog.load(tenantID: viewer.tenantID, store: store)
        guard let definition = catalog.entries[id]?.current else { throw DashboardFailure.notFound }
        let stats = try await statsLoad
        let currency = FlowMoney.mainCurrency([stats])
        let words = FlowStepWords(strings: strings)
        let byPath = Dictionary(stats.steps.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
        let steps = words.lines(definition.steps).map { line -> [String: Any] in
            var values: [String: Any] = [
                "text": line.text, "detail": line.detail, "depthClass": "depth-\(min(line.depth, 3))", "isSend": line.isSend,
                "isLabel": line.isLabel,
            ]
            if line.isSend { values.merge(sendStep(byPath[line.path], path: line.path)) { _, new in new } }
            return values
        }
        var flow = FlowRow(viewer: viewer).values(detail.flow, back: "/automations/\(id)?period=\(period.days)")
        for (key, value) in FlowMoney(stats: stats, currency: currency).values(viewer) { flow[key] = value }
        flow["isDelegated"] = definition.trigger.recommendationRule != nil
        let exits = definition.exits.map { words.event($0.eventType) }
        var model: [String: Any] = [
            "flow": flow,
            "periods": period.options(strings, path: "/automations/\(id)"),
            "action": "/automations/\(id)",
            "trigger": strings.format("automation_trigger", words.trigger(definition.trigger)),
            "exits": exits.isEmpty ? "" : strings.format("automation_exits", exits.joined(separator: strings.pick(fr: " ou ", en: " or "))),
            "steps": steps,
            "version": strings.format("automation_version", "\(detail.flow.version)"),
            "definition": detail.definition,
        ].withoutBlanks
        if let measured = experiment(stats.experiment) { model["experiment"] = measured }
        let title = viewer.flowName(id: detail.flow.id, name: detail.flow.name)
        return PageView(template: "automation", title: title, section: "automations", model: model)
    }

    /// The funnel of one `send` step, or a line saying nothing went out in the period.
    func sendStep(_ step: FlowStats.Step?, path: String) -> [String: Any] {
        let strings = viewer.strings, format = viewer.format
        guard let step, step.messages.queued > 0 else { return ["noMessages": true] }
        let counts = [
            ("automation_stage_entered", step.messages.queued), ("automation_stage_sent", step.messages.sent),
            ("automation_stage_opened", step.messages.opened), ("automation_stage_clicked", step.messages.clicked),
            ("automation_stage_ordered", step.attributed.orders),
        ]
        let language = viewer.language, timeZone = viewer.timeZone
        let chart = FunnelChart(
            id: "funnel-" + path.filter { $0.isLetter || $0.isNumber }, title: strings["automation_funnel_title"],
            summary: strings["automation_funnel_summary"], countHeader: strings["automation_funnel_count"],
            shareHeader: strings["automation_funnel_share"],
            stages: counts.map { FunnelChart.Stage(label: strings[$0.0], count: $0.1, display: format.number($0.1)) },
            percent: { DisplayFormat(language: language, timeZone: timeZone).percent($0) }
        ).draw()
        var values: [String: Any] = ["funnel": chart.templateValues]
        if step.messages.blocked > 0 { values["held"] = strings.format("automation_held", format.number(step.messages.blocked)) }
        return values
    }

    /// The holdout sentence and the split's variants with their conversion rates, when the flow has either.
    func experiment(_ experiment: FlowExperimentStats?) -> [String: Any]? {
        guard let experiment, experiment.sentence != nil || experiment.variants != nil else { return nil }
        let strings = viewer.strings, format = viewer.format
        var values: [String: Any] = [:]
        if let sentence = experiment.sentence { values["sentence"] = strings.pick(fr: sentence.fr, en: sentence.en) }
        if let variants = experiment.variants {
            values["hasVariants"] = true
            values["variants"] = variants.map { variant -> [String: Any] in
                [
                    "id": variant.id ?? "", "entrants": format.number(variant.entrants), "conversions": format.number(variant.conversions),
                    "rate": variant.conversionRate.map { format.percent($0) } ?? "–",
                    "isWinner": variant.id != nil && variant.id == experiment.winner?.variant,
                ]
            }
        }
        if let winner = experiment.winner { values["winner"] = strings.format("automation_experiment_winner", winner.variant, winner.decidedBy) }
        return values
    }
}
