/**
 * The data layer an application writes against: named, pooled, migrated data sources
 * ({@link dev.weft.runtime.data.Databases}) and key-value stores backed by them
 * ({@link dev.weft.runtime.data.KeyValueStore}). Plain JDBC, no ORM.
 */
package dev.weft.runtime.data;
