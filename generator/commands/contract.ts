/** `wiredefs breaking` and `wiredefs lint`: wired from the contract and lint stages. */
import type { Command, Option } from "commander";

export function registerContractCommands(_program: Command, _specOption: () => Option): void {}
