/**
 * Cross-cutting wiring: problem details for every error, the request size limit, the
 * OpenAPI description and the clock.
 */
package io.teamlearnings.system;
