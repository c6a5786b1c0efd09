import Flows
import Foundation

extension Worker {
    /// The delivery path the worker's `DeliveryPass` calls: the one place it is assembled.
    static func makeDispatcher(dependencies: Dependencies, settings: FlowEngineSettings, senders: SenderDirectory) throws -> MessageDispatcher {
        let templates = TemplateResolver(store: dependencies.store, builtIn: (try? TemplateLibrary.builtIn) ?? [])
        return MessageDispatcher(
            dependencies: dependencies, settings: settings, senders: senders, renderer: TemplateRenderer(), policy: try SmartSendingPolicy(settings: settings.smartSending),
            templates: templates, breakers: FlowBreakers(store: dependencies.store, settings: settings.circuitBreaker, logger: dependencies.logger))
    }
}
