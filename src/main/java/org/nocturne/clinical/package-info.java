/**
 * The cause model of night-time leg pain: typed facts in, an explained {@code Assessment} out
 * ({@code CauseModel}, with its scoring, the pain burden and the gaps). Pure Java ({@code java.*}
 * only, held by an ArchUnit test) so every conclusion can be tested without a framework. Its rooms
 * form layers without a cycle (ADR 0003, ArchUnit): {@code facts} ← {@code conclusions} ← {@code
 * knowledge} ← {@code rules} ← {@code rules.causes}, {@code rules.redflags}, {@code
 * rules.medication} ← {@code plan} ← this package ← {@code rules.ordersafety}.
 */
package org.nocturne.clinical;
