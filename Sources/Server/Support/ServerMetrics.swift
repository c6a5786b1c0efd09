import Foundation
import Prometheus

/// The server's Prometheus registry (owned, not global): requests, latency, events ingested and rejected.
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    public init() {}

    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "autopilot", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route and status"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "autopilot", metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency"),
            labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(duration)
    }

    func recordIngested(accepted: Int, duplicates: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "autopilot", metricName: "events_ingested", unitName: "total", helpText: "Events recorded"),
            labels: [("outcome", "accepted")]
        ).increment(by: Int64(accepted))
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "autopilot", metricName: "events_ingested", unitName: "total", helpText: "Events recorded"),
            labels: [("outcome", "duplicate")]
        ).increment(by: Int64(duplicates))
    }

    func recordRejected(count: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "autopilot", metricName: "events_rejected", unitName: "total", helpText: "Events refused by validation"),
            labels: []
        ).increment(by: Int64(count))
    }

    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
