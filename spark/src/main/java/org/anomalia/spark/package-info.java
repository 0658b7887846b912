/**
 * Runs the tasks of {@link org.anomalia.events.engine.TaskEngine} (scan windows, toys) as Apache
 * Spark tasks: {@link org.anomalia.spark.SparkEngine} (one partition per task, results in task
 * order), {@link org.anomalia.spark.SparkSettings} (the CLI's --master and --engine-conf, checked,
 * as a SparkConf), {@link org.anomalia.spark.TaskCall} (what runs on an executor: one task with
 * spark.task.cpus kernel threads) and {@link org.anomalia.spark.SparkEngineProvider} (found by
 * {@link java.util.ServiceLoader}, so nothing below the CLI needs Spark on its classpath).
 */
package org.anomalia.spark;
