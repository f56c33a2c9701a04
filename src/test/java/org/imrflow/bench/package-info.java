/**
 * The benchmark suite (issue 10, docs/performance.md): classes named {@code *Bench}, run only by the Maven profile
 * {@code bench} ({@code ./mvnw -Pbench verify}), never by {@code ./mvnw verify}. Each measures one thing, prints a
 * table and writes it to {@code target/bench/}. They measure; correctness stays with the unit and integration tests.
 */
package org.imrflow.bench;
