/**
 * The cause model of night-time leg pain: typed facts in, an explained assessment out. Pure Java
 * ({@code java.*} only, held by an ArchUnit test) so every conclusion can be tested without a
 * framework.
 */
package org.nocturne.clinical;
