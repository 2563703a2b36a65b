/**
 * Streaming readers for the file formats m365kit ingests: {@link io.github.m365kit.io.CsvReader} for the CSV exports of
 * the admin portals and the Graph reports.
 */
package io.github.m365kit.io;
