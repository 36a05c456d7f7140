/**
 * Derived credit facts: the numbers a risk analyst reasons with, computed in plain Java from an
 * order and a customer snapshot before any rule runs. Rules match on these records and compare
 * them with parameters; they do no arithmetic of their own.
 *
 * <p>These records are the vocabulary of rule files. Unlike the rest of the API, a few fields
 * are {@code null} where a rule needs to test for absence; each such field says so.
 */
package dev.creditcontrol.facts;
