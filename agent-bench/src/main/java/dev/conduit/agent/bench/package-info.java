/**
 * What Conduit costs over raw OkHttp + Jackson: a scripted OpenAI-compatible stand-in, the raw
 * baselines, the harness that prints the figures as JSON, and JMH benchmarks. Not a library: nothing
 * here is meant to be depended on. Nothing is null unless marked.
 *
 * <pre>{@code
 * java -cp agent-bench/target/benchmarks.jar dev.conduit.agent.bench.Harness --out bench.json
 * }</pre>
 */
@NullMarked
package dev.conduit.agent.bench;

import org.jspecify.annotations.NullMarked;
