/**
 * kreactor's integration with BlockHound, loaded by BlockHound itself when an application installs it.
 */
package io.kreactor.core.blockhound;
